import DICOMCharacterSets
import DICOMCore

/// Reads DICOM files: Part 10 files and raw data sets, in any transfer syntax.
///
/// The reader reads the front of the file first (`ParseOptions.initialReadSize`) and more only
/// when an element needs it; with `ParseOptions.stopBefore` it never reads past that tag.
public enum DICOMReader {
    /// Reads the file at `path`.
    ///
    /// Throws `ReadError` when the file cannot be read at all (I/O, not DICOM, damaged file
    /// meta). Damage in the data set does not throw: the elements before it are returned, with
    /// the error in `DICOMFile.damage`.
    public static func read(path: String, options: ParseOptions = ParseOptions()) throws -> DICOMFile {
        let file: RawFile
        do {
            file = try RawFile(path: path)
        } catch let error as RawFileError {
            throw ReadError(path: path, offset: 0, kind: .io(error))
        }
        return try read(file: file, path: path, options: options)
    }

    /// Reads a file the caller has opened, e.g. with `RawFile(pathBytes:)` for a name that is
    /// not valid UTF-8; `path` is only what errors and `DICOMFile.path` show.
    public static func read(file: RawFile, path: String?, options: ParseOptions = ParseOptions()) throws -> DICOMFile {
        let session = ReadSession(path: path, options: options, storage: ByteStorage(),
                                  source: FileByteSource(file: file, path: path)) { offset, length, buffer in
            try file.append(from: offset, length: length, to: &buffer)
        }
        return try session.run()
    }

    /// Reads a file's bytes already in memory.
    public static func read(bytes: [UInt8], path: String? = nil, options: ParseOptions = ParseOptions()) throws -> DICOMFile {
        let session = ReadSession(path: path, options: options, storage: ByteStorage(bytes),
                                  source: MemoryByteSource(total: bytes.count)) { offset, length, buffer in
            let start = min(max(offset, 0), bytes.count)
            let end = min(start + length, bytes.count)
            buffer.append(contentsOf: bytes[start..<end])
            return end - start
        }
        return try session.run()
    }
}

/// One read of one file: detects the layout, reads the file meta, switches to inflating for
/// deflated data, then scans top-level elements, reading more bytes whenever one needs them.
final class ReadSession {
    private let path: String?
    private let options: ParseOptions
    private let storage: ByteStorage
    private var source: ByteSource
    private let readInput: InflatingByteSource.InputReader
    private let scanner: ElementScanner
    private var inflated = false

    init(path: String?, options: ParseOptions, storage: ByteStorage, source: ByteSource,
         readInput: @escaping InflatingByteSource.InputReader) {
        self.path = path
        self.options = options
        self.storage = storage
        self.source = source
        self.readInput = readInput
        self.scanner = ElementScanner(storage: storage, options: options)
    }

    func run() throws -> DICOMFile {
        do {
            return try runUnlabelled()
        } catch var error as ReadError {
            error.path = path
            throw error
        }
    }

    private func runUnlabelled() throws -> DICOMFile {
        try source.extend(&storage.bytes, to: options.initialReadSize)
        let layout = try attempt { try LayoutDetector(scanner: self.scanner).detect($0) }

        var meta: DataSet?
        var dataStart = layout.rawDataSetOffset
        if let metaOffset = layout.metaOffset {
            let (group, end) = try attempt { try FileMetaReader(scanner: self.scanner).read($0, from: metaOffset) }
            meta = group
            dataStart = end
        }
        let declaredUID = meta.flatMap { meta in
            meta.element(.transferSyntaxUID).map {
                TransferSyntaxUIDs.uid(storage.bytes[$0.valueRange.clamped(to: 0..<storage.bytes.count)])
            }
        }
        let declared = declaredUID.map(TransferSyntax.forUID)

        if declared?.isDeflated == true {
            storage.bytes.removeSubrange(min(dataStart, storage.bytes.count)...)
            source = InflatingByteSource(compressedOffset: dataStart, outputStart: dataStart,
                                         limit: options.maxInflatedSize, path: path, readInput: readInput)
            inflated = true
        }

        let detector = LayoutDetector(scanner: scanner)
        let encoding: Encoding
        if let declared {
            let stated = Encoding(isExplicitVR: declared.isExplicitVR, byteOrder: declared.byteOrder)
            encoding = try attempt { try detector.dataSetEncoding($0, at: dataStart, declared: stated, declaredKnown: true) }
        } else {
            let guessed = try attempt { try detector.rawEncoding($0, at: dataStart) } ?? .explicitLittle
            encoding = try attempt { try detector.dataSetEncoding($0, at: dataStart, declared: guessed, declaredKnown: false) }
        }

        if encoding == Encoding(isExplicitVR: false, byteOrder: .bigEndian) {
            scanner.warn(dataStart, nil, "implicit VR big endian: no transfer syntax has this encoding")
        }
        var (dataSet, damage, stoppedBefore) = try readTopLevel(from: dataStart, encoding)
        damage?.path = path
        let effective = effectiveSyntax(declared: declared, encoding: encoding)
        return DICOMFile(
            path: path, hasPreamble: layout.hasPreamble, fileMeta: meta, dataSet: dataSet,
            declaredTransferSyntaxUID: declaredUID, transferSyntax: effective, dataSetOffset: dataStart,
            warnings: scanner.warnings, damage: damage, stoppedBefore: stoppedBefore,
            bytesRead: storage.bytes.count)
    }

    /// The syntax as read: the declared one when the data matched it, else what was detected.
    /// Implicit VR big endian has no UID; it keeps implicit VR little endian's, with its byte order.
    private func effectiveSyntax(declared: TransferSyntax?, encoding: Encoding) -> TransferSyntax {
        if let declared, declared.isExplicitVR == encoding.isExplicitVR, declared.byteOrder == encoding.byteOrder {
            return declared
        }
        switch (encoding.isExplicitVR, encoding.byteOrder) {
        case (false, .littleEndian): return .implicitVRLittleEndian
        case (false, .bigEndian):
            return TransferSyntax(uid: TransferSyntax.implicitVRLittleEndian.uid, isExplicitVR: false, byteOrder: .bigEndian)
        case (true, .bigEndian): return .explicitVRBigEndian
        case (true, .littleEndian): return declared?.isDeflated == true ? .deflatedExplicitVRLittleEndian : .explicitVRLittleEndian
        }
    }

    /// Scans top-level elements until the end, the stop tag or damage. When an element needs
    /// more bytes, the source delivers them and that element is scanned again from its start.
    private func readTopLevel(from start: Int, _ encoding: Encoding) throws -> (DataSet, ReadError?, Tag?) {
        var dataSet = DataSet(storage: storage, byteOrder: encoding.byteOrder,
                              isExplicitVR: encoding.isExplicitVR, characterSet: .defaultRepertoire,
                              recording: options.keptTags == nil ? .all : .kept)
        // A typical header, or every kept tag once (and Pixel Representation): no regrowth.
        dataSet.elements.reserveCapacity(options.keptTags.map { $0.tags.count + 1 } ?? 128)
        var offset = start
        var stoppedBefore: Tag?
        var warningMark = scanner.warnings.count
        do {
            try attempt(keepingWarnings: { warningMark }) { ctx in
                while true {
                    guard try ctx.has(offset + 8) else {
                        try self.finishShortTail(ctx, at: offset)
                        return
                    }
                    let tag = ctx.reader.uncheckedTag(at: offset, encoding.byteOrder)
                    if let stop = self.options.stopBefore, tag >= stop {
                        stoppedBefore = tag
                        return
                    }
                    if tag.rawValue == 0, ctx.reader.uncheckedUInt32(at: offset + 4, encoding.byteOrder) == 0 {
                        self.scanner.warn(offset, nil, "zero bytes after the last element (trailing padding)")
                        return
                    }
                    let next = self.scanner.readPlainRun(ctx.reader, from: offset, encoding, end: nil,
                                                         stopBefore: self.options.stopBefore, into: &dataSet)
                    if next != offset {
                        offset = next
                        continue
                    }
                    guard let header = try self.scanner.readHeader(ctx, at: offset, encoding) else {
                        throw ReadError(offset: offset, kind: .truncated(needed: 12, available: max(0, ctx.visibleEnd - offset)))
                    }
                    switch header.tag {
                    case .itemDelimitationItem, .sequenceDelimitationItem:
                        self.scanner.warn(offset, header.tag, "delimiter outside any sequence, skipped")
                        offset += 8
                    case .item:
                        throw ReadError(offset: offset, tag: header.tag, kind: .unexpectedTag(expected: "a data element"))
                    default:
                        offset = try self.scanner.readElement(ctx, header, at: offset, encoding, end: nil, depth: 0,
                                                              into: &dataSet)
                    }
                    warningMark = self.scanner.warnings.count
                }
            }
            return (dataSet, nil, stoppedBefore)
        } catch var error as ReadError {
            error.inInflatedData = inflated
            return (dataSet, error, nil)
        }
    }

    /// Fewer than 8 bytes after the last element: the end, padding, or a cut-off element.
    /// They may not all have been read yet; they are read before they are judged.
    private func finishShortTail(_ ctx: ScanContext, at offset: Int) throws {
        _ = try ctx.has(ctx.visibleEnd)
        let remaining = ctx.visibleEnd - offset
        guard remaining > 0 else { return }
        if ctx.reader.allBytes(equal: 0, at: offset, length: remaining) {
            scanner.warn(offset, nil, "\(remaining) zero bytes after the last element (trailing padding)")
            return
        }
        throw ReadError(offset: offset, kind: .truncated(needed: 8, available: remaining))
    }

    /// Runs `body` over the bytes read so far; when it needs more, reads more and runs it again.
    ///
    /// The warnings of a run that needed more bytes are dropped, since the next run makes them
    /// again: all of them, or for a body that resumes where it stopped, those after the count
    /// `keepingWarnings` returns.
    private func attempt<R>(keepingWarnings: (() -> Int)? = nil, _ body: (ScanContext) throws -> R) throws -> R {
        var forceComplete = false
        let warningsBefore = scanner.warnings.count
        while true {
            do {
                return try storage.bytes.withByteReader { reader in
                    try body(ScanContext(reader: reader, knownTotal: source.knownTotal,
                                         isComplete: forceComplete || source.isExhausted))
                }
            } catch let more as NeedMoreBytes {
                scanner.warnings.removeSubrange((keepingWarnings?() ?? warningsBefore)...)
                let before = storage.bytes.count
                try source.extend(&storage.bytes, to: more.upTo)
                if storage.bytes.count == before && !source.isExhausted { forceComplete = true }
            }
        }
    }
}
