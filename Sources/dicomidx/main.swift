print("dicomidx")
