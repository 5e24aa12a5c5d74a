import Foundation
import HearthFiles
import Testing

/// The file layer as the output stage relies on it: the atomic swap through the CLinux shim (a
/// broken shim would only show as the slower two-rename fallback), writes that replace whole files,
/// and folder walks that say what each entry is.
@Suite("file layer")
struct FilesTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-files-\(UUID().uuidString)")
            .path
        try Files.makeFolders(path + "/a/b")
        return path
    }

    @Test("two folders swap places in one step, each keeping its files")
    func exchange() throws {
        let root = try Self.folder()
        defer { Files.removeTree(root) }
        try Files.makeFolder(root + "/new")
        try Files.write(Array("new site".utf8), to: root + "/new/index.html")
        try Files.makeFolder(root + "/public")
        try Files.write(Array("old site".utf8), to: root + "/public/index.html")
        #expect(Files.exchange(root + "/new", root + "/public"))
        #expect(Files.read(root + "/public/index.html") == Data("new site".utf8))
        #expect(Files.read(root + "/new/index.html") == Data("old site".utf8))
        #expect(!Files.exchange(root + "/new", root + "/missing"))
    }

    @Test("a write replaces the whole file; an atomic one leaves no temporary file; a new one refuses to overwrite")
    func writes() throws {
        let root = try Self.folder()
        defer { Files.removeTree(root) }
        let page = root + "/page.html"
        try Files.write(Array("a longer first version".utf8), to: page)
        try Files.write(Array("short".utf8), to: page)
        #expect(Files.read(page) == Data("short".utf8))
        #expect(Files.size(page) == 5)
        try Files.writeAtomically(Array("atomic".utf8), to: page)
        #expect(Files.read(page) == Data("atomic".utf8))
        #expect(Files.entries(in: root)?.map(\.name).sorted() == ["a", "page.html"])
        #expect(throws: Files.Failure.self) { try Files.writeNew(Array("again".utf8), to: page) }
        #expect(Files.read(page) == Data("atomic".utf8))
    }

    @Test("a folder's entries say which are files, folders and links; removeTree removes them all")
    func walk() throws {
        let root = try Self.folder()
        defer { Files.removeTree(root) }
        try Files.write(Array("x".utf8), to: root + "/a/file.md")
        #expect(symlink(root + "/a", root + "/link") == 0)
        let kinds = Dictionary(
            uniqueKeysWithValues: (Files.entries(in: root) ?? []).map {
                ($0.name, $0.kind ?? Files.kind(root + "/" + $0.name))
            })
        #expect(kinds == ["a": .folder, "link": .link])
        #expect(Files.isFolder(root + "/link") && Files.kind(root + "/a/file.md") == .file)
        #expect(Files.realPath(root + "/link/file.md") == Files.realPath(root + "/a/file.md"))
        #expect(Files.readPrefix(root + "/a/file.md", count: 100) == Array("x".utf8))
        Files.removeTree(root)
        #expect(!Files.exists(root))
    }
}
