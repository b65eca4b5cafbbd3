@testable import DICOMStudies
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

final class ArchiveWalkerTests: XCTestCase {
    func testEntriesOfEachDirectoryComeInBytewiseOrderDepthFirstAndEveryWalkIsTheSame() throws {
        let tree = try TemporaryTree()
        for name in ["b", "a/2", "a/10", "A", "a.dcm", "Z/x", "é", "a/sub/y"] { try tree.file(name) }
        let expected = ["A", "Z/x", "a/10", "a/2", "a/sub/y", "a.dcm", "b", "é"]
        let first = tree.walk()
        XCTAssertEqual(first.map(\.0), expected)
        XCTAssertTrue(first.allSatisfy { $0.1 == .file })
        XCTAssertEqual(tree.walk().map(\.0), expected)
    }

    func testInputsComeInTheOrderGivenAndAFileMayBeAnInput() throws {
        let tree = try TemporaryTree()
        try tree.file("d2/f")
        try tree.file("d1/f")
        try tree.file("single")
        XCTAssertEqual(tree.walk(["d2", "single", "d1"]).map(\.0), ["d2/f", "single", "d1/f"])
    }

    func testExcludePatternWithoutSlashMatchesBaseNameAndWithSlashTheWholePath() throws {
        let tree = try TemporaryTree()
        for name in ["keep.dcm", "skip.jpg", "tmp/x.dcm", "sub/scratch/y.dcm", "sub/z.dcm", "sub/tmpfile"] {
            try tree.file(name)
        }
        let options = ArchiveWalker.Options(exclude: ExcludePatterns(["*.jpg", "tmp", "*/sub/scratch"]))
        let walk = tree.walk(options: options)
        XCTAssertEqual(walk.filter { $0.1 == .file }.map(\.0), ["keep.dcm", "sub/tmpfile", "sub/z.dcm"])
        // Excluded directories are reported once and not entered.
        XCTAssertEqual(walk.filter { $0.1 == .excluded }.map(\.0), ["skip.jpg", "sub/scratch", "tmp"])
    }

    func testBaseNamePatternsNeverExcludeAnInputNamedDotDotDotOrRoot() {
        let hidden = ExcludePatterns([".*"])
        XCTAssertFalse(hidden.excludes(ScanPath(".")))
        XCTAssertFalse(hidden.excludes(ScanPath("..")))
        XCTAssertFalse(hidden.excludes(ScanPath("/")))
        XCTAssertFalse(hidden.excludes(ScanPath("./a/b.dcm")))
        XCTAssertTrue(hidden.excludes(ScanPath("./a/.git")))
        XCTAssertTrue(hidden.excludes(ScanPath(".hidden")))
        XCTAssertTrue(ExcludePatterns(["*"]).excludes(ScanPath("/a/b")))
        XCTAssertFalse(ExcludePatterns([]).excludes(ScanPath("/a/b")))
    }

    func testSymbolicLinksInsideDirectoriesAreSkippedUnlessFollowed() throws {
        let tree = try TemporaryTree()
        try tree.file("real/f.dcm")
        try tree.link("dirlink", to: "real")
        try tree.link("filelink", to: "real/f.dcm")
        try tree.link("dangling", to: "nowhere")
        let walk = tree.walk()
        XCTAssertEqual(walk.map(\.0), ["dangling", "dirlink", "filelink", "real/f.dcm"])
        XCTAssertEqual(walk[0].1, .skipped(.symlink, detail: "symbolic link, not followed"))
        XCTAssertEqual(walk[1].1, .skipped(.symlink, detail: "symbolic link, not followed"))
        XCTAssertEqual(walk[2].1, .skipped(.symlink, detail: "symbolic link, not followed"))
        XCTAssertEqual(walk[3].1, .file)
    }

    func testAnInputThatIsALinkIsFollowedLikeFindH() throws {
        let tree = try TemporaryTree()
        try tree.file("real/f.dcm")
        try tree.link("dirlink", to: "real")
        XCTAssertEqual(tree.walk(["dirlink"]).map(\.0), ["dirlink/f.dcm"])
    }

    func testFollowedLinksEnterDirectoriesDetectLoopsAndWalkEachDirectoryOnce() throws {
        let tree = try TemporaryTree()
        try tree.file("real/f.dcm")
        try tree.link("real/loop", to: "..")
        try tree.link("link", to: "real")
        try tree.link("filelink", to: "real/f.dcm")
        try tree.link("dangling", to: "nowhere")
        let walk = tree.walk(options: ArchiveWalker.Options(followSymlinks: true))
        XCTAssertEqual(walk.map(\.0), ["dangling", "filelink", "link/f.dcm", "link/loop", "real"])
        XCTAssertEqual(walk[0].1, .skipped(.brokenSymlink, detail: "the link's target does not exist"))
        XCTAssertEqual(walk[1].1, .file)
        XCTAssertEqual(walk[2].1, .file)
        XCTAssertEqual(walk[3].1, .skipped(.symlinkLoop, detail: "leads back to \(tree.root)"))
        XCTAssertEqual(walk[4].1, .skipped(.alreadyVisited, detail: "directory already walked"))
    }

    func testFIFOIsSkippedAndNeverOpened() throws {
        let tree = try TemporaryTree()
        try tree.directory("d")
        XCTAssertEqual(mkfifo(tree.path("d/pipe"), 0o644), 0)
        try tree.file("d/z.dcm")
        // No writer ever opens the FIFO: opening it for reading without O_NONBLOCK would block.
        let walk = try XCTUnwrap(withTimeout(20) { tree.walk(["d", "d/pipe"]) }, "the walk blocked on the FIFO")
        XCTAssertEqual(walk.map(\.0), ["d/pipe", "d/z.dcm", "d/pipe"])
        XCTAssertEqual(walk[0].1, .skipped(.specialFile, detail: "FIFO"))
        XCTAssertEqual(walk[2].1, .skipped(.specialFile, detail: "FIFO"))
    }

    func testUnreadableDirectoryIsReportedAndTheWalkGoesOn() throws {
        let tree = try TemporaryTree()
        try tree.file("a/f.dcm")
        try tree.file("locked/secret.dcm")
        try tree.file("z/f.dcm")
        XCTAssertEqual(chmod(tree.path("locked"), 0), 0)
        let walk = tree.walk()
        XCTAssertEqual(walk.first?.0, "a/f.dcm")
        XCTAssertEqual(walk.last?.0, "z/f.dcm")
        if geteuid() == 0 {
            throw XCTSkip("running as root: chmod 000 does not deny root, so the denied case cannot be checked here")
        }
        XCTAssertEqual(walk.map(\.0), ["a/f.dcm", "locked", "z/f.dcm"])
        XCTAssertEqual(walk[1].1, .failed(.permissionDenied, message: "cannot open the directory: Permission denied"))
    }

    func testADirectoryNamedLikeAFileIsEntered() throws {
        let tree = try TemporaryTree()
        try tree.file("x.dcm/IM0001")
        XCTAssertEqual(tree.walk().map(\.0), ["x.dcm/IM0001"])
        XCTAssertEqual(tree.walk(["x.dcm"]).map(\.0), ["x.dcm/IM0001"])
    }

    func testANameThatIsNotUTF8IsKeptAsBytesAndShownEscaped() throws {
        let tree = try TemporaryTree()
        let name: [UInt8] = [0x62, 0x61, 0x64, 0xFF, 0x2E, 0x64, 0x63, 0x6D] // "bad", 0xFF, ".dcm"
        let full = ScanPath(tree.root).appending(name)
        let fd = full.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        let entries = Array(ArchiveWalker(paths: [tree.root]))
        XCTAssertEqual(entries.map(\.path), [full])
        XCTAssertEqual(entries.first?.path.bytes.suffix(name.count), name[...])
        XCTAssertEqual(entries.first?.path.isValidUTF8, false)
        XCTAssertEqual(entries.first.map { tree.relative($0.path) }, #"bad\xFF.dcm"#)
    }

    func testListsSeparatedByNewlineOrNULAreWalkedEntryByEntry() throws {
        let tree = try TemporaryTree()
        try tree.file("a.dcm")
        try tree.file("dir/b.dcm")
        try tree.file("with space.dcm")
        let newline = try tree.file("list.txt", Array("\(tree.path("a.dcm"))\n\n\(tree.path("dir"))\n\(tree.path("missing"))\n\(tree.path("with space.dcm"))".utf8))
        let nul = try tree.file("list0", Array("\(tree.path("with space.dcm"))\0\(tree.path("a.dcm"))\0".utf8))
        let inputs: [ArchiveWalker.Input] = [
            .list(try PathListReader(path: newline, separator: .newline)),
            .path(ScanPath(tree.path("a.dcm"))),
            .list(try PathListReader(path: nul, separator: .nul)),
        ]
        let walk = ArchiveWalker(inputs: inputs).map { (tree.relative($0.path), $0.kind) }
        XCTAssertEqual(walk.map(\.0), ["a.dcm", "dir/b.dcm", "missing", "with space.dcm", "a.dcm", "with space.dcm", "a.dcm"])
        XCTAssertEqual(walk[2].1, .failed(.notFound, message: "No such file or directory"))
    }

    func testANULInsideANewlineSeparatedListIsAnInvalidPath() throws {
        let tree = try TemporaryTree()
        try tree.file("ok.dcm")
        let list = try tree.file("list.txt", Array("bad\0name\n\(tree.path("ok.dcm"))\n".utf8))
        let walk = ArchiveWalker(inputs: [.list(try PathListReader(path: list, separator: .newline))]).map { $0 }
        XCTAssertEqual(walk.count, 2)
        guard case .failed(.invalidPath, _) = walk[0].kind else { return XCTFail("\(walk[0])") }
        XCTAssertEqual(walk[1].kind, .file)
    }

    func testAMissingListCannotBeOpened() {
        XCTAssertThrowsError(try PathListReader(path: "/nonexistent/list.txt", separator: .newline)) { error in
            XCTAssertEqual((error as? ScanProblem)?.message, "cannot open the list: No such file or directory")
        }
    }

    func testAPathLongerThanPathMaxIsReportedAndTheWalkGoesOn() throws {
        let tree = try TemporaryTree()
        try tree.file("zzz.dcm")
        // 24 levels of 200-byte names: over 4,800 bytes, past PATH_MAX (4096). Made with
        // mkdirat/openat, since no single path to the deep end can be used.
        let component = String(repeating: "d", count: 200)
        var fd = open(tree.root, O_RDONLY | O_DIRECTORY)
        for _ in 0..<24 {
            XCTAssertEqual(mkdirat(fd, component, 0o755), 0)
            let next = openat(fd, component, O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = next
        }
        close(fd)
        let walk = tree.walk()
        XCTAssertEqual(walk.count, 2)
        XCTAssertTrue(walk[0].0.count > 3_900, "the deepest directory that could not be opened")
        XCTAssertEqual(walk[0].1, .failed(.nameTooLong, message: "cannot open the directory: File name too long"))
        XCTAssertEqual(walk[1].0, "zzz.dcm")
    }

    func testAnInputThatDoesNotExistIsReportedAsNotFound() {
        let walk = Array(ArchiveWalker(paths: ["/nonexistent/dicomidx-input"]))
        XCTAssertEqual(walk, [WalkEntry(path: ScanPath("/nonexistent/dicomidx-input"),
                                        kind: .failed(.notFound, message: "No such file or directory"))])
    }

    func testScanPathShowsUTF8AsItIsAndBaseNameIgnoresTrailingSlashes() {
        XCTAssertEqual(ScanPath("/a/Müller/IM1").description, "/a/Müller/IM1")
        XCTAssertEqual(String(decoding: ScanPath("/a/b/").baseName, as: UTF8.self), "b")
        XCTAssertEqual(String(decoding: ScanPath("name").baseName, as: UTF8.self), "name")
        XCTAssertEqual(ScanPath("/a").appending(Array("b".utf8)), ScanPath("/a/b"))
        XCTAssertEqual(ScanPath("/a/").appending(Array("b".utf8)), ScanPath("/a/b"))
        XCTAssertLessThan(ScanPath("a"), ScanPath("a.dcm"))
        XCTAssertLessThan(ScanPath("Z"), ScanPath("a"))
    }
}
