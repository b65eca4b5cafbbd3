/// The byte order of binary values in a data set.
public enum ByteOrder: Sendable {
    case littleEndian
    case bigEndian
}
