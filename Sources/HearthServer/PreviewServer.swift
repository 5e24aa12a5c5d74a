import Foundation
import HearthCore
import Hummingbird
import Logging
import ServiceLifecycle

/// `hearth serve`: builds the site into the output folder, serves that folder, watches the sources,
/// rebuilds on save and reloads open pages.
public enum PreviewServer {
    /// Paths of the preview's own endpoints; never part of a site.
    public static let internalPrefix = "/__hearth/"

    public struct Configuration: Sendable {
        public var build: BuildOptions
        public var host: String
        public var port: Int
        /// Watch the sources and rebuild on change.
        public var watch: Bool
        /// What the HTTP server itself logs.
        public var logLevel: Logger.Level

        public init(
            build: BuildOptions, host: String = "127.0.0.1", port: Int = 8080, watch: Bool = true,
            logLevel: Logger.Level = .warning
        ) {
            self.build = build
            self.host = host
            self.port = port
            self.watch = watch
            self.logLevel = logLevel
        }
    }

    /// Runs until SIGINT or SIGTERM (or until the calling task is cancelled).
    /// - Parameters:
    ///   - onReady: called with the preview's URL once the server listens.
    ///   - onBuild: called after every build, the first included.
    public static func run(
        _ configuration: Configuration,
        onReady: @escaping @Sendable (URL) async -> Void = { _ in },
        onBuild: @escaping @Sendable (BuildReport) async -> Void = { _ in }
    ) async throws {
        // A folder that is no site (a mistyped --source, the wrong folder) is not watched for one.
        if let problem = SiteBuilder.sourceProblem(configuration.build) { throw problem }
        try checkCanListen(host: configuration.host, port: configuration.port)
        // An output folder a build would refuse is not served either (it may be anything).
        if let problem = SiteBuilder.outputProblem(configuration.build) { throw problem }
        // The reload client is added to pages as they are served, never written into the site.
        var buildOptions = configuration.build
        if buildOptions.useCache {
            // Rebuilds redo only what an edit changed; the memo store stays in memory.
            buildOptions.saveCache = false
        }
        let state = PreviewState(options: buildOptions)
        if let report = await state.rebuild() { await onBuild(report) }

        let basePath = SiteConfig.basePath(root: buildOptions.root, overriding: buildOptions.baseURL)
        let router = Router()
        router.add(
            middleware: StaticSiteMiddleware<BasicRequestContext>(
                state: state, output: buildOptions.outputURL.standardizedFileURL.path, basePath: basePath))
        router.get("/__hearth/events") { _, _ -> Response in
            let events = await state.subscribe()
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
                    for await event in events.cancelOnGracefulShutdown() {
                        try await writer.write(ByteBuffer(string: event.frame))
                    }
                    try await writer.finish(nil)
                })
        }
        router.get("/__hearth/reload.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ClientAssets.script)))
        }
        router.get("/__hearth/overlay.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ClientAssets.stylesheet)))
        }
        router.get("/__hearth/status") { _, _ -> Response in
            let failure = await state.failure
            let generation = await state.generation
            let body = "{\"ok\":\(failure == nil),\"generation\":\(generation)}\n"
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }

        var logger = Logger(label: "hearth.serve")
        logger.logLevel = configuration.logLevel
        let host = configuration.host
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "hearth"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let shownHost = host.contains(":") ? "[\(host)]" : host
                await onReady(URL(string: "http://\(shownHost):\(port)\(basePath)")!)
            },
            logger: logger)
        var services: [any Service] = [app]
        if configuration.watch,
            let watcher = SourceWatcher(root: buildOptions.root, watching: ["content", "templates"])
        {
            services.append(WatchService(watcher: watcher, state: state, onBuild: onBuild))
        }
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// Says, before building, why the server could not listen where it is asked to: the server's
    /// own error (`bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)`) says neither
    /// which port nor what to do. Other failures are left to the server.
    static func checkCanListen(host: String, port: Int) throws {
        guard (0...65535).contains(port) else {
            throw Diagnostic.error(
                .portOutOfRange, "--port", nil, "port \(port) does not exist: ports go from 1 to 65535",
                hint: "e.g. --port 8080 (--port 0 picks a free one)")
        }
        guard port > 0 else { return }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let address = list?.pointee else {
            throw Diagnostic.error(
                .hostUnknown, "--host", nil, "'\(host)' is not an address or host name this machine knows",
                hint: "use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every network)")
        }
        defer { freeaddrinfo(list) }
        let probe = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        guard probe >= 0 else { return }
        defer { close(probe) }
        var one: Int32 = 1
        setsockopt(probe, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(probe, address.ai_addr, address.ai_addrlen) != 0 else { return }
        switch errno {
        case EADDRINUSE:
            throw Diagnostic.error(
                .portInUse, "--port", nil, "port \(port) on \(host) is already in use",
                hint:
                    "stop the other server, or pick another port: hearth serve --port \(port + 1) (--port 0 picks a free one)"
            )
        case EACCES:
            throw Diagnostic.error(
                .portNeedsRights, "--port", nil, "port \(port) needs administrator rights",
                hint: "use a port above 1023, e.g. --port 8080")
        case EADDRNOTAVAIL:
            throw Diagnostic.error(
                .hostNotThisMachine, "--host", nil, "\(host) is not an address of this machine",
                hint: "use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every network)")
        default:
            return
        }
    }

    /// The live-reload client (and the overlay while the site is broken), before `</body>`.
    static func inject(into html: String, failure: String?) -> String {
        var snippet =
            "<link rel=\"stylesheet\" href=\"/__hearth/overlay.css\"><script src=\"/__hearth/reload.js\"></script>"
        if let failure {
            snippet += "<pre class=\"hearth-overlay\" role=\"alert\">\(escape(failure))</pre>"
        }
        guard let body = html.range(of: "</body>", options: .backwards) else { return html + snippet }
        var out = html
        out.insert(contentsOf: snippet, at: body.lowerBound)
        return out
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// Rebuilds when sources change, until shutdown.
struct WatchService: Service {
    let watcher: SourceWatcher
    let state: PreviewState
    let onBuild: @Sendable (BuildReport) async -> Void

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await watcher.run { changed in
                if let report = await state.rebuild(changed: changed) { await onBuild(report) }
            }
        }
    }
}

/// The browser side of the preview: served under /__hearth/, never written into the site.
enum ClientAssets {
    static let script = """
        (function () {
          "use strict";
          var overlay = null;
          function show(text) {
            overlay = overlay || document.querySelector(".hearth-overlay");
            if (!overlay) {
              overlay = document.createElement("pre");
              overlay.className = "hearth-overlay";
              overlay.setAttribute("role", "alert");
              document.body.appendChild(overlay);
            }
            overlay.textContent = text;
          }
          var source = new EventSource("/__hearth/events");
          source.addEventListener("reload", function () { window.location.reload(); });
          source.addEventListener("css", function () {
            document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
              var url = new URL(link.href);
              url.searchParams.set("hearth", String(Date.now()));
              link.href = url.toString();
            });
            var shown = document.querySelector(".hearth-overlay");
            if (shown) shown.remove();
            overlay = null;
          });
          source.addEventListener("failed", function (event) { show(event.data); });
        })();

        """

    static let stylesheet = """
        .hearth-overlay {
          position: fixed; left: 0; right: 0; bottom: 0; z-index: 2147483647;
          max-height: 60vh; overflow: auto; margin: 0; padding: 1rem 1.25rem;
          background: #2a0f15; color: #ffe9ec; border-top: 4px solid #ff5c7a;
          font: 14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap;
        }

        """
}
