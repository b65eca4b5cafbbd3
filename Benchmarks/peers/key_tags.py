"""The 18 key tags every tool in the benchmark extracts (as Benchmarks/ReaderBenchmark does)."""
KEY_TAGS = [
    0x00080016, 0x00080018, 0x0020000D, 0x0020000E, 0x00100020, 0x00100010, 0x00100030, 0x00100040,
    0x00080020, 0x00080030, 0x00080050, 0x00080060, 0x00081030, 0x0008103E, 0x00200011, 0x00200013,
    0x00280010, 0x00280011,
]
# The tag dicomidx scan stops before (InstanceRecord.stopBefore); given to the peers that take one.
STOP_BEFORE = 0x00700081
