// swift-tools-version:5.9
import Foundation
import PackageDescription

let package = Package(
    name: "dicomidx",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dicomidx", targets: ["dicomidx"]),
        .library(name: "DICOMParser", targets: ["DICOMParser"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SQLite through GRDB for the index (system SQLite: Debian's libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System libraries (Debian: zlib1g-dev, libjpeg-dev, libopenjp2-7-dev, libcharls-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg-dev"])]),
        .systemLibrary(name: "COpenJPEG", pkgConfig: "libopenjp2", providers: [.apt(["libopenjp2-7-dev"])]),
        .systemLibrary(name: "CCharLS", pkgConfig: "charls", providers: [.apt(["libcharls-dev"])]),

        // C shims: libjpeg with setjmp/longjmp error handling, openjp2 with a memory stream.
        .target(
            name: "CCodecShims",
            dependencies: ["CJPEG", "COpenJPEG"],
            linkerSettings: [.linkedLibrary("jpeg"), .linkedLibrary("openjp2")]
        ),

        // Tags, VRs, transfer syntaxes, value types and the only unsafe byte access.
        .target(name: "DICOMCore"),
        // Generated PS3.6 data dictionary.
        .target(name: "DICOMDictionary", dependencies: ["DICOMCore"]),
        // Specific Character Set decoding (single-byte sets, UTF-8, GB18030/GBK, ISO 2022).
        .target(name: "DICOMCharacterSets"),
        // Part 10 reader: file meta, element scanner, deflate, data sets.
        .target(
            name: "DICOMParser",
            dependencies: ["DICOMCore", "DICOMDictionary", "DICOMCharacterSets", "CZlib"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        // Grouping instances into series and studies; the archive scan.
        .target(name: "DICOMStudies", dependencies: ["DICOMParser", "JSONWriting"]),
        // Ordered JSON values and their compact serialization, for every JSON output.
        .target(name: "JSONWriting"),
        // DICOMStudy/DICOMSeries records for the Django imaging app: JSON Lines, fixture, CSV.
        .target(name: "RecordExport", dependencies: ["DICOMStudies", "DICOMCore", "JSONWriting"]),
        // FHIR output: ImagingStudy (R4, R5, STU3), Patient, Endpoint, transaction Bundles, NDJSON.
        .target(name: "FHIRExport", dependencies: ["DICOMStudies", "DICOMCore", "JSONWriting"]),
        // FHIR ImagingStudy search: NAME=VALUE parameters, matching, sorting, table and searchset output.
        .target(name: "FHIRSearch", dependencies: ["DICOMStudies", "FHIRExport", "DICOMCore", "JSONWriting"]),
        // The incremental index of an archive: the IndexStore protocol and its SQLite store (GRDB).
        .target(
            name: "DICOMIndexStore",
            dependencies: ["DICOMStudies", "JSONWriting", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Listings of a file: dcmdump-like text and the DICOM JSON model (PS3.18 F.2).
        .target(name: "DICOMDump", dependencies: ["DICOMParser", "DICOMDictionary", "JSONWriting"]),
        // Pixel data: native and encapsulated frames (RLE, JPEG, JPEG Lossless, JPEG-LS, JPEG 2000),
        // display, thumbnails.
        .target(name: "DICOMPixels",
                dependencies: ["DICOMParser", "DICOMCore", "DICOMDictionary", "CCodecShims", "CCharLS", "CZlib"]),
        // The HTML report of an archive: studies, series thumbnails, what could not be read.
        .target(name: "DICOMReport", dependencies: ["DICOMStudies", "DICOMPixels", "DICOMParser", "DICOMCore"]),
        // The command-line tool: argument-parser commands only.
        .executableTarget(
            name: "dicomidx",
            dependencies: [
                "DICOMParser",
                "DICOMDump",
                "DICOMStudies",
                "DICOMIndexStore",
                "FHIRExport",
                "FHIRSearch",
                "RecordExport",
                "DICOMPixels",
                "DICOMReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks (not tests): see Benchmarks/README.md.
        .executableTarget(
            name: "dicomidx-reader-bench",
            dependencies: ["DICOMParser"],
            path: "Benchmarks/ReaderBenchmark"
        ),
        .executableTarget(
            name: "dicomidx-scan-bench",
            dependencies: ["DICOMStudies"],
            path: "Benchmarks/ScanBenchmark"
        ),
        .executableTarget(
            name: "dicomidx-catalog-bench",
            dependencies: ["DICOMStudies", "FHIRExport", "RecordExport"],
            path: "Benchmarks/CatalogBenchmark"
        ),

        .testTarget(name: "DICOMCoreTests", dependencies: ["DICOMCore", "DICOMDictionary"]),
        .testTarget(name: "DICOMDictionaryTests", dependencies: ["DICOMDictionary", "DICOMCore"]),
        .testTarget(name: "DICOMCharacterSetsTests", dependencies: ["DICOMCharacterSets"]),
        // malloc statistics (glibc mallinfo2) for the hostile-input tests' memory bounds.
        .target(name: "CMallocStats", path: "Tests/CMallocStats"),
        .testTarget(name: "DICOMParserTests", dependencies: ["DICOMParser", "CMallocStats"]),
        .testTarget(name: "DICOMStudiesTests", dependencies: ["DICOMStudies"]),
        .testTarget(name: "RecordExportTests", dependencies: ["RecordExport", "DICOMStudies", "DICOMParser"]),
        .testTarget(name: "FHIRExportTests", dependencies: ["FHIRExport", "DICOMStudies", "DICOMParser", "JSONWriting"]),
        .testTarget(name: "FHIRSearchTests",
                    dependencies: ["FHIRSearch", "FHIRExport", "DICOMStudies", "DICOMParser", "JSONWriting"]),
        .testTarget(name: "JSONWritingTests", dependencies: ["JSONWriting"]),
        .testTarget(name: "CorpusTests", dependencies: ["DICOMParser", "DICOMDictionary"]),
        .testTarget(name: "DICOMDumpTests", dependencies: ["DICOMDump", "DICOMParser"]),
        .testTarget(
            name: "DICOMIndexStoreTests",
            dependencies: ["DICOMIndexStore", "DICOMStudies", "FHIRExport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "dicomidxTests",
            dependencies: ["dicomidx", "DICOMParser", "DICOMIndexStore", "FHIRExport", "DICOMPixels",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "DICOMPixelsTests", dependencies: ["DICOMPixels", "DICOMParser", "DICOMCore"]),
        .testTarget(name: "DICOMReportTests", dependencies: ["DICOMReport", "DICOMStudies"]),
    ]
)

// libFuzzer targets (Fuzz/README.md): declared only when DICOMIDX_FUZZ is set, because they
// have no main of their own and link only with -sanitize=fuzzer. Fuzz/build.sh sets it and
// builds in .build-fuzz, so the ordinary build never sees them.
if ProcessInfo.processInfo.environment["DICOMIDX_FUZZ"] != nil {
    package.targets += [
        .systemLibrary(name: "CFuzzerDriver", path: "Fuzz/CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["DICOMParser"], path: "Fuzz/Support"),
        .executableTarget(name: "fuzz-reader-header", dependencies: ["FuzzSupport", "CFuzzerDriver"], path: "Fuzz/ReaderHeader"),
        .executableTarget(name: "fuzz-reader-full", dependencies: ["FuzzSupport", "CFuzzerDriver"], path: "Fuzz/ReaderFull"),
        .executableTarget(name: "fuzz-deflate", dependencies: ["FuzzSupport", "CFuzzerDriver"], path: "Fuzz/Deflate"),
        .executableTarget(name: "fuzz-charsets", dependencies: ["DICOMCharacterSets", "CFuzzerDriver"], path: "Fuzz/CharacterSets"),
        .target(name: "FuzzPixelSupport", dependencies: ["DICOMParser", "DICOMPixels"], path: "Fuzz/PixelSupport"),
    ]
    for (name, folder) in [("fuzz-pixel-rle", "PixelRLE"), ("fuzz-pixel-jpeg-lossless", "PixelJPEGLossless"),
                           ("fuzz-pixel-jpeg12", "PixelJPEG12"), ("fuzz-pixel-libjpeg", "PixelLibjpeg"),
                           ("fuzz-pixel-openjpeg", "PixelOpenJPEG"), ("fuzz-pixel-charls", "PixelCharLS")] {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzPixelSupport", "CFuzzerDriver"], path: "Fuzz/" + folder))
    }
}
