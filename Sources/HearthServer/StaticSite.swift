import Foundation
import HearthCore
import HearthFiles
import Hummingbird

/// Request paths to files of the output folder, decoded and normalised once.
public enum RequestPath {
    public enum Resolution: Equatable, Sendable {
        /// A file to serve, relative to the output folder.
        case file(String)
        /// A folder asked for without its trailing slash.
        case redirect(String)
        case notFound
    }

    /// Maps a request path (still percent-encoded, query removed) under `basePath` to a file of
    /// `root`. Anything that could leave the folder — `..`, encoded or not, `%2f`, backslashes, NUL,
    /// hidden files, symbolic links pointing outside — is not found.
    public static func resolve(_ rawPath: String, basePath: String, root: String) -> Resolution {
        // The site is served at its base URL's path (`/guide/`), where `/` leads.
        if rawPath == "/", basePath != "/" { return .redirect(basePath) }
        guard rawPath.hasPrefix(basePath) || rawPath + "/" == basePath else { return .notFound }
        if rawPath + "/" == basePath { return .redirect(basePath) }
        let relativeRaw = String(rawPath.dropFirst(basePath.count))
        // Decode each segment once; a decoded slash or backslash is not a separator but a refusal.
        var segments: [String] = []
        for rawSegment in relativeRaw.split(separator: "/", omittingEmptySubsequences: false) {
            guard let segment = String(rawSegment).removingPercentEncoding else { return .notFound }
            if segment.isEmpty { continue }
            if segment == "." || segment == ".." || segment.hasPrefix(".") || segment.contains("/")
                || segment.contains("\\") || segment.contains("\0")
            {
                return .notFound
            }
            segments.append(segment)
        }
        let relative = segments.joined(separator: "/")
        let full = relative.isEmpty ? root : root + "/" + relative
        guard let kind = Files.kind(full, followingLinks: true) else { return .notFound }
        // The real path must stay inside the real output folder (no symlink escapes).
        guard let realRoot = Files.realPath(root), let real = Files.realPath(full),
            real == realRoot || real.hasPrefix(realRoot + "/")
        else { return .notFound }
        if kind == .folder {
            guard rawPath.hasSuffix("/") else { return .redirect(rawPath + "/") }
            let index = relative.isEmpty ? "index.html" : relative + "/index.html"
            guard Files.kind(root + "/" + index, followingLinks: true) == .file else {
                return .notFound  // no directory listings
            }
            return .file(index)
        }
        guard kind == .file else { return .notFound }
        return .file(relative)
    }

    /// The media type of a file: Hummingbird's table (`MediaType`), with a charset for text; Atom
    /// for the feed, and AVIF, which that table lacks.
    public static func contentType(for path: String) -> String {
        let feed = GeneratedFile.feed
        if path == feed.path || path.hasSuffix("/" + feed.path) { return feed.mediaType }
        guard let dot = path.lastIndex(of: ".") else { return "application/octet-stream" }
        let name = path[path.index(after: dot)...].lowercased()
        if name == "avif" { return "image/avif" }
        guard let type = MediaType.getMediaType(forExtension: name) else { return "application/octet-stream" }
        return type.isType(.text) ? "\(type); charset=utf-8" : "\(type)"
    }
}

/// Serves the output folder: pretty URLs, the site's 404 page, GET and HEAD only, and in every HTML
/// page the live-reload client (and, while the last build failed, the error overlay).
///
/// Hand-written rather than Hummingbird's `FileMiddleware` (2.28), whose source shows three things
/// a preview of a site needs and it does not do: under `urlBasePath` (a site at `/guide/`) the
/// redirect of a folder asked for without its slash drops the base path; `LocalFileSystem` serves
/// hidden files and follows symbolic links out of the folder (`RequestPath.resolve` refuses both,
/// as `ServeTests` checks); and its body is a file stream, which the reload client's injection
/// would have to collect again. Its media types are used (`RequestPath.contentType`).
struct StaticSiteMiddleware<Context: RequestContext>: RouterMiddleware {
    let state: PreviewState
    let output: String
    let basePath: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        if path.hasPrefix(PreviewServer.internalPrefix) { return try await next(request, context) }
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let isHead = request.method == .head
        switch RequestPath.resolve(path, basePath: basePath, root: output) {
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .file(let file):
            return await serve(file, status: .ok, head: isHead)
        case .notFound:
            return await serve("404.html", status: .notFound, head: isHead, fallback: "Not found\n")
        }
    }

    private func serve(_ file: String, status: HTTPResponse.Status, head: Bool, fallback: String? = nil) async
        -> Response
    {
        let full = output + "/" + file
        guard var data = Files.read(full) else {
            let text = fallback ?? "Not found\n"
            return Response(
                status: status == .ok ? .notFound : status,
                headers: [.contentType: "text/plain; charset=utf-8", .contentLength: String(text.utf8.count)],
                body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        let type = RequestPath.contentType(for: file)
        if file.hasSuffix(".html") {
            let failure = await state.failure
            data = Data(PreviewServer.inject(into: String(decoding: data, as: UTF8.self), failure: failure).utf8)
        }
        var headers: HTTPFields = [.contentType: type, .contentLength: String(data.count), .cacheControl: "no-store"]
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(
            status: status, headers: headers,
            body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
