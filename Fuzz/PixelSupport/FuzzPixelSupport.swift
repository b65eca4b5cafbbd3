import DICOMParser
import DICOMPixels

// Shared by the pixel decoder fuzz targets: the input is a 5-byte image header followed by one
// compressed frame; the frame becomes the single fragment of encapsulated Pixel Data in a
// Part 10 file of the target's transfer syntax, and PixelDecoder decodes frame 1, as
// `dicomidx thumbnail` would.
//
// Header: rows - 1 (2 bytes, big endian, modulo 512), columns - 1 (same), then flags:
// bits 0-1 Bits Stored (8, 12, 16, 32; Bits Allocated 8, 16, 16, 32), bit 2 three samples
// per pixel, bit 3 signed, bit 4 a YBR_FULL photometric (otherwise MONOCHROME2 or RGB).

/// The header `pixelFuzzInput` reads, for seed files: the frame's image attributes.
public func pixelFuzzHeader(rows: Int, columns: Int, bitsStored: Int, samples: Int, signed: Bool, ybr: Bool) -> [UInt8] {
    let bits: UInt8 = bitsStored <= 8 ? 0 : bitsStored <= 12 ? 1 : bitsStored <= 16 ? 2 : 3
    let flags = bits | (samples == 3 ? 4 : 0) | (signed ? 8 : 0) | (ybr ? 16 : 0)
    return [UInt8((rows - 1) >> 8 & 0xFF), UInt8((rows - 1) & 0xFF), UInt8((columns - 1) >> 8 & 0xFF), UInt8((columns - 1) & 0xFF), flags]
}

/// Decodes the input's frame; a `ReadError` or `PixelError` is a fine outcome, anything else
/// (or a trap, or a sanitizer report) is a finding.
public func decodeFuzzedFrame(_ input: [UInt8], transferSyntax: String) {
    guard input.count >= 5 else { return }
    let rows = (Int(input[0]) << 8 | Int(input[1])) % 512 + 1
    let columns = (Int(input[2]) << 8 | Int(input[3])) % 512 + 1
    let flags = input[4]
    let bitsStored = [8, 12, 16, 32][Int(flags & 3)]
    let samples = flags & 4 != 0 ? 3 : 1
    let photometric = flags & 16 != 0 && samples == 3 ? "YBR_FULL" : samples == 3 ? "RGB" : "MONOCHROME2"
    let file = part10File(syntax: transferSyntax, rows: rows, columns: columns, bitsAllocated: bitsStored <= 8 ? 8 : bitsStored <= 16 ? 16 : 32,
                          bitsStored: bitsStored, samples: samples, signed: flags & 8 != 0, photometric: photometric,
                          frame: Array(input.dropFirst(5)))
    do {
        let decoder = try PixelDecoder(file: DICOMReader.read(bytes: file))
        let frame = try decoder.frame(0)
        precondition(frame.samples.count == frame.rows * frame.columns * frame.samplesPerPixel)
    } catch is ReadError {
    } catch let error as PixelError {
        precondition(!error.description.isEmpty)
    } catch {
        fatalError("PixelDecoder threw \(error), not a PixelError")
    }
}

func part10File(syntax: String, rows: Int, columns: Int, bitsAllocated: Int, bitsStored: Int, samples: Int,
                signed: Bool, photometric: String, frame: [UInt8]) -> [UInt8] {
    func element(_ group: UInt16, _ number: UInt16, _ vr: String, _ value: [UInt8]) -> [UInt8] {
        var bytes = [UInt8(group & 0xFF), UInt8(group >> 8), UInt8(number & 0xFF), UInt8(number >> 8)] + Array(vr.utf8)
        if vr == "OB" {
            bytes += [0, 0, UInt8(value.count & 0xFF), UInt8(value.count >> 8 & 0xFF), UInt8(value.count >> 16 & 0xFF), UInt8(value.count >> 24)]
        } else {
            bytes += [UInt8(value.count & 0xFF), UInt8(value.count >> 8)]
        }
        return bytes + value
    }
    func text(_ value: String, pad: UInt8) -> [UInt8] {
        let bytes = Array(value.utf8)
        return bytes.count % 2 == 0 ? bytes : bytes + [pad]
    }
    func us(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    func item(_ value: [UInt8]) -> [UInt8] {
        [0xFE, 0xFF, 0x00, 0xE0, UInt8(value.count & 0xFF), UInt8(value.count >> 8 & 0xFF), UInt8(value.count >> 16 & 0xFF), UInt8(value.count >> 24)] + value
    }
    let group = element(0x0002, 0x0001, "OB", [0, 1]) + element(0x0002, 0x0010, "UI", text(syntax, pad: 0))
    let meta = element(0x0002, 0x0000, "UL", [UInt8(group.count & 0xFF), UInt8(group.count >> 8), 0, 0]) + group
    var dataSet = element(0x0028, 0x0002, "US", us(samples))
        + element(0x0028, 0x0004, "CS", text(photometric, pad: 0x20))
    if samples == 3 { dataSet += element(0x0028, 0x0006, "US", us(0)) }
    dataSet += element(0x0028, 0x0010, "US", us(rows)) + element(0x0028, 0x0011, "US", us(columns))
        + element(0x0028, 0x0100, "US", us(bitsAllocated)) + element(0x0028, 0x0101, "US", us(bitsStored))
        + element(0x0028, 0x0102, "US", us(bitsStored - 1)) + element(0x0028, 0x0103, "US", us(signed ? 1 : 0))
    let padded = frame.count % 2 == 0 ? frame : frame + [0]
    dataSet += [0xE0, 0x7F, 0x10, 0x00] + Array("OB".utf8) + [0, 0, 0xFF, 0xFF, 0xFF, 0xFF]
        + item([]) + item(padded) + [0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0]
    return [UInt8](repeating: 0, count: 128) + Array("DICM".utf8) + meta + dataSet
}
