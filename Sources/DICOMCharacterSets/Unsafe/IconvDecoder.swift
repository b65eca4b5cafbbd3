#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An iconv conversion descriptor from one character encoding to UTF-8.
///
/// This is the only file of the module that touches pointers. The pointers handed to `iconv`
/// are borrowed from `withUnsafe...` closures and do not outlive them. A descriptor carries
/// conversion state, so an instance belongs to one decode call (one thread) and is closed
/// when it is released.
final class IconvDecoder {
    private let descriptor: iconv_t
    /// Output scratch space, reused across `convert` calls.
    private var scratch: [UInt8] = []

    /// Opens a descriptor from `encoding` (a glibc name such as "EUC-JP") to UTF-8; nil when
    /// this system's iconv does not know the encoding.
    init?(from encoding: String) {
        guard let descriptor = iconv_open("UTF-8", encoding),
              descriptor != iconv_t(bitPattern: -1)
        else { return nil }
        self.descriptor = descriptor
    }

    deinit { iconv_close(descriptor) }

    /// Converts `input` and appends the UTF-8 result to `output`.
    ///
    /// An invalid sequence becomes U+FFFD and `unitWidth` bytes of input (at most what is
    /// left) are skipped; an incomplete sequence at the end becomes one U+FFFD.
    func convert(_ input: ArraySlice<UInt8>, unitWidth: Int, into output: inout [UInt8]) -> Replacements {
        var replacements = Replacements()
        guard !input.isEmpty else { return replacements }
        // Every supported encoding yields at most 4 UTF-8 bytes per input byte (a 4-byte
        // GB18030 sequence is one scalar; a 1-byte one at most 3), so one round usually fits.
        let capacity = input.count * 4 + 16
        if scratch.count < capacity { scratch = [UInt8](repeating: 0, count: capacity) }
        input.withUnsafeBufferPointer { inBuffer in
            guard let inBase = inBuffer.baseAddress else { return }
            // iconv takes `char **` but never writes through the input pointer.
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count
            while inLeft > 0 {
                let (produced, failure) = scratch.withUnsafeMutableBufferPointer { outBuffer -> (Int, Int32?) in
                    guard let outBase = outBuffer.baseAddress else { return (0, EINVAL) }
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (outBuffer.count - outLeft, result == -1 ? errno : nil)
                }
                output.append(contentsOf: scratch[0..<produced])
                guard let failure else { continue }
                if failure != E2BIG, replacements.firstOffset == nil {
                    replacements.firstOffset = inBuffer.count - inLeft
                }
                switch failure {
                case E2BIG:
                    continue  // the scratch was flushed; go on with the rest
                case EILSEQ:
                    let skip = min(max(unitWidth, 1), inLeft)
                    inPointer = inPointer.map { $0 + skip }
                    inLeft -= skip
                default:  // EINVAL: incomplete sequence at the end; anything else: give up
                    inLeft = 0
                }
                output.append(contentsOf: replacementCharacterUTF8)
                replacements.count += 1
                // Return to the initial shift state after an error.
                _ = iconv(descriptor, nil, nil, nil, nil)
            }
        }
        return replacements
    }
}

/// The U+FFFD that a conversion wrote.
struct Replacements {
    /// How many.
    var count = 0
    /// Offset in the input of the first sequence replaced.
    var firstOffset: Int?
}

/// U+FFFD REPLACEMENT CHARACTER in UTF-8.
let replacementCharacterUTF8: [UInt8] = [0xEF, 0xBF, 0xBD]
