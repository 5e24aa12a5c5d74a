import Foundation
import HearthCore
import HearthServer
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A raw HTTP/1.1 exchange over a loopback socket, off the cooperative pool. Not HummingbirdTesting
/// (2.28): its client returns a response once its body has ended, which the reload event stream
/// never does, and it needs the `Application` that `PreviewServer.run` makes and runs with the
/// watcher; and these tests send request lines byte for byte (`/%2e%2e/`, a NUL), as an attacker
/// would.
func http(_ port: Int, _ requestLine: String, timeout: Double = 5, until done: (@Sendable (String) -> Bool)? = nil)
    async -> String
{
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(returning: blockingHTTP(port, requestLine, timeout: timeout, until: done))
        }
    }
}

private func blockingHTTP(_ port: Int, _ requestLine: String, timeout: Double, until done: ((String) -> Bool)?)
    -> String
{
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard connected == 0 else { return "" }
    var tv = timeval(tv_sec: 0, tv_usec: 200_000)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    let request = "\(requestLine) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    _ = request.withCString { send(fd, $0, strlen($0), 0) }
    var received = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 65536)
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        let n = recv(fd, &buffer, buffer.count, 0)
        if n > 0 {
            received += buffer[0..<n]
            if let done, done(String(decoding: received, as: UTF8.self)) { break }
        } else if n == 0 {
            break
        }
    }
    return String(decoding: received, as: UTF8.self)
}

/// A running preview of a copy of the basic fixture site.
final class Preview: Sendable {
    let root: URL
    let port: Int
    let task: Task<Void, any Error>

    /// - Parameter withTemplates: false for a site on the default theme (no `templates/`).
    init(withTemplates: Bool = true) async throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        // Beside the core tests' copies of this run (`Fixture.runFolder`), which the next run removes.
        let run = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-tests/\(getpid())")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        let root = run.appendingPathComponent("serve-\(UUID().uuidString)")
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("HearthCoreTests/Fixtures/basic"), to: root)
        if withTemplates {
            try FileManager.default.copyItem(at: Self.templates, to: root.appendingPathComponent("templates"))
        }
        let (ready, readyContinuation) = AsyncStream<URL>.makeStream()
        let configuration = PreviewServer.Configuration(build: BuildOptions(root: root), port: 0, logLevel: .critical)
        task = Task {
            try await PreviewServer.run(configuration, onReady: { url in readyContinuation.yield(url) })
        }
        var iterator = ready.makeAsyncIterator()
        let url = try #require(await iterator.next())
        self.root = root
        self.port = try #require(url.port)
    }

    /// The repository's `templates/`.
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    func get(_ path: String, until done: (@Sendable (String) -> Bool)? = nil, timeout: Double = 5) async -> String {
        await http(port, "GET \(path)", timeout: timeout, until: done)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(change(text).utf8).write(to: url)
    }

    func stop() {
        task.cancel()
    }
}

func status(_ response: String) -> Int {
    Int(response.split(separator: " ").dropFirst().first ?? "") ?? 0
}

@Suite("hearth serve", .serialized)
struct ServeTests {
    @Test("files are served with their media type, text with its charset")
    func mediaTypes() {
        let expected = [
            "index.html": "text/html; charset=utf-8", "assets/site.js": "text/javascript; charset=utf-8",
            "assets/style.css": "text/css; charset=utf-8", "search-index.json": "application/json",
            "feed.xml": "application/atom+xml", "sitemap.xml": "application/xml", "a/eyes.svg": "image/svg+xml",
            "a/photo.JPG": "image/jpeg", "a/photo.avif": "image/avif", "a/font.woff2": "font/woff2",
            "a/notes": "application/octet-stream", "a/file.unknown": "application/octet-stream",
        ]
        for (path, type) in expected {
            #expect(RequestPath.contentType(for: path) == type, "\(path)")
        }
        // Each generated file is served with the media type the registry gives it.
        for file in GeneratedFile.all {
            let path = file.path.hasSuffix("/") ? file.path + (file == .deck ? "index.html" : "d-0.json") : file.path
            #expect(RequestPath.contentType(for: path).hasPrefix(file.mediaType), "\(path)")
        }
    }

    @Test("pretty URLs, redirects, the 404 page, HEAD and 405")
    func serving() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        let page = await preview.get("/emotional/listening/")
        #expect(status(page) == 200)
        #expect(page.contains("Content-Type: text/html; charset=utf-8"))
        #expect(page.contains("<h1>Listening First</h1>"))
        #expect(page.contains("<script src=\"/__hearth/reload.js\"></script></body>"))
        let redirect = await preview.get("/emotional/listening")
        #expect(status(redirect) == 301)
        #expect(redirect.contains("Location: /emotional/listening/"))
        let missing = await preview.get("/no/such/page/")
        #expect(status(missing) == 404)
        #expect(missing.contains("Page not found"))
        let css = await preview.get("/assets/style.css")
        #expect(css.contains("Content-Type: text/css"))
        let head = await http(preview.port, "HEAD /emotional/listening/")
        #expect(status(head) == 200 && !head.contains("<h1>"))
        let post = await http(preview.port, "POST /emotional/listening/")
        #expect(status(post) == 405)
        #expect(post.contains("Allow: GET, HEAD"))
    }

    @Test("a site whose base URL has a path is served under it, and / leads there")
    func basePath() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-base-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("emotional"), withIntermediateDirectories: true)
        try Data("home".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("page".utf8).write(to: root.appendingPathComponent("emotional/index.html"))
        defer { try? FileManager.default.removeItem(at: root) }
        func resolve(_ path: String) -> RequestPath.Resolution {
            RequestPath.resolve(path, basePath: "/guide/", root: root.path)
        }
        #expect(resolve("/") == .redirect("/guide/"))
        #expect(resolve("/guide") == .redirect("/guide/"))
        #expect(resolve("/guide/") == .file("index.html"))
        #expect(resolve("/guide/emotional/") == .file("emotional/index.html"))
        #expect(resolve("/emotional/") == .notFound)
    }

    @Test("an output folder a build refuses is not served: serve stops with the error")
    func refusedOutput() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-refused-\(UUID().uuidString)")
        let documents = root.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: documents.appendingPathComponent("thesis.txt"))
        defer { try? FileManager.default.removeItem(at: root) }
        let configuration = PreviewServer.Configuration(
            build: BuildOptions(root: root, output: "Documents"), port: 0, logLevel: .critical)
        let error = await #expect(throws: Diagnostic.self) { try await PreviewServer.run(configuration) }
        #expect(error?.code == .outputHoldsOtherFiles && error?.location == "--output", "\(String(describing: error))")
        #expect(FileManager.default.contents(atPath: documents.appendingPathComponent("thesis.txt").path) != nil)
    }

    @Test("no request path reads outside the output folder")
    func traversal() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        let outside = preview.root.appendingPathComponent("secret.txt")
        try Data("SECRET".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(
            at: preview.root.appendingPathComponent("public/escape"), withDestinationURL: preview.root)
        for path in [
            "/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
            "/assets/..%2f..%2fsecret.txt", "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%5csecret.txt",
            "/assets\\..\\..\\secret.txt", "/escape/secret.txt", "/escape/", "/%00", "/.hearth-cache/",
            "/assets/",
        ] {
            let response = await preview.get(path)
            #expect(status(response) == 404 || status(response) == 400, "\(path): \(response.prefix(40))")
            #expect(!response.contains("SECRET"), "\(path)")
            #expect(!response.contains("root:x:0"), "\(path)")
        }
    }

    @Test("saving a file rebuilds and tells open pages to reload; a broken edit shows the overlay until fixed")
    func liveReload() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        // An open page listens for events.
        // Until the fix's reload after the failure: one save may come as more than one batch of
        // changes (a truncate, then a write), each a rebuild and a reload.
        async let events = preview.get(
            "/__hearth/events",
            until: { stream in
                guard let failed = stream.range(of: "event: failed") else { return false }
                return stream[failed.upperBound...].contains("event: reload")
            }, timeout: 15)
        try await Task.sleep(for: .milliseconds(300))

        let start = ContinuousClock.now
        try preview.edit("content/physical/hugs.md") { $0 + "\nA new sentence.\n" }
        var page = ""
        while ContinuousClock.now - start < .seconds(5) {
            page = await preview.get("/physical/hugs/")
            if page.contains("A new sentence.") { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(page.contains("A new sentence."))
        #expect(ContinuousClock.now - start < .seconds(3))

        try preview.edit("content/physical/hugs.md") {
            $0.replacingOccurrences(of: "[[ACTIVE   listening]]", with: "[[Nowhere Page]]")
        }
        var broken = ""
        while ContinuousClock.now - start < .seconds(8) {
            broken = await preview.get("/emotional/listening/")
            if broken.contains("hearth-overlay") { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(
            broken.contains(
                "<pre class=\"hearth-overlay\" role=\"alert\">content/physical/hugs.md:7:26: error: no page matches [[Nowhere Page]]"
            ))
        // The last good site is still served.
        #expect(broken.contains("<h1>Listening First</h1>"))

        try preview.edit("content/physical/hugs.md") {
            $0.replacingOccurrences(of: "[[Nowhere Page]]", with: "[[Listening First]]")
        }
        var fixed = broken
        while ContinuousClock.now - start < .seconds(12) {
            fixed = await preview.get("/emotional/listening/")
            if !fixed.contains("hearth-overlay\" role") { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(!fixed.contains("hearth-overlay\" role"))
        let stream = await events
        #expect(
            stream.contains(
                "event: failed\ndata: content/physical/hugs.md:7:26: error: no page matches [[Nowhere Page]]"))
        #expect(stream.components(separatedBy: "event: reload").count >= 3)
    }

    @Test("a templates/ folder made while serving a site on the default theme is used and watched")
    func themeAddedWhileServing() async throws {
        let preview = try await Preview(withTemplates: false)
        defer { preview.stop() }
        #expect(await preview.get("/physical/hugs/").contains("<h1>Long Hugs</h1>"))

        // As an editor starts a theme of their own: the default one copied in, then changed.
        let templates = preview.root.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Preview.templates, to: templates)
        try preview.edit("templates/page.mustache") {
            $0.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1 class=\"mine\">{{title}}</h1>")
        }
        let start = ContinuousClock.now
        var page = ""
        while ContinuousClock.now - start < .seconds(8) {
            page = await preview.get("/physical/hugs/")
            if page.contains("<h1 class=\"mine\">") { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(page.contains("<h1 class=\"mine\">Long Hugs</h1>"))

        // Edits inside the new folder are watched too.
        try preview.edit("templates/page.mustache") {
            $0.replacingOccurrences(of: "<h1 class=\"mine\">", with: "<h1 class=\"ours\">")
        }
        while ContinuousClock.now - start < .seconds(12) {
            page = await preview.get("/physical/hugs/")
            if page.contains("<h1 class=\"ours\">") { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(page.contains("<h1 class=\"ours\">Long Hugs</h1>"))
    }

    @Test("the output folder holds the same site hearth build writes: no reload script in it")
    func noScriptInOutput() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        let output = preview.root.appendingPathComponent("public")
        let enumerator = try #require(FileManager.default.enumerator(atPath: output.path))
        var pages = 0
        for case let path as String in enumerator where path.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(!html.contains("__hearth"), "\(path)")
            pages += 1
        }
        #expect(pages > 5)
    }

    @Test("a port already in use is an error that names it and what to do, before any build")
    func portInUse() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        let options = BuildOptions(root: preview.root, output: "other-output")
        let configuration = PreviewServer.Configuration(build: options, port: preview.port, logLevel: .critical)
        do {
            try await PreviewServer.run(configuration)
            Issue.record("the second server started on a port in use")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.code == .portInUse, "\(diagnostic)")
            #expect(diagnostic.message.contains(String(preview.port)), "\(diagnostic.message)")
            #expect(diagnostic.hints.first?.contains("--port 0 picks a free one") == true)
        }
        #expect(!FileManager.default.fileExists(atPath: options.outputURL.path))
        // The first server is still serving.
        #expect(status(await preview.get("/")) == 200)
    }

    @Test("a port out of range, or a folder with no content/, is an error at once: no server starts")
    func refusedAtStart() async throws {
        /// What the server refused with; nil when it started (it is stopped after ten seconds).
        func refusal(_ configuration: PreviewServer.Configuration) async -> Diagnostic? {
            let server = Task { try await PreviewServer.run(configuration) }
            let timer = Task {
                try await Task.sleep(for: .seconds(10))
                server.cancel()
            }
            defer { timer.cancel() }
            do {
                try await server.value
            } catch let diagnostic as Diagnostic {
                return diagnostic
            } catch {}
            return nil
        }
        let preview = try await Preview()
        defer { preview.stop() }
        let outOfRange = PreviewServer.Configuration(
            build: BuildOptions(root: preview.root, output: "other-output"), port: 99999, logLevel: .critical)
        #expect(await refusal(outOfRange)?.code == .portOutOfRange)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-no-site-\(UUID())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let noSite = PreviewServer.Configuration(build: BuildOptions(root: empty), port: 0, logLevel: .critical)
        #expect(await refusal(noSite)?.code == .contentFolderMissing)
        #expect(!FileManager.default.fileExists(atPath: empty.appendingPathComponent("public").path))
    }
}
