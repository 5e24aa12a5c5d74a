import Foundation
import HearthCore

/// What an open page is told after a rebuild.
public enum PreviewEvent: Sendable, Equatable {
    /// The site was rebuilt: reload.
    case reload(generation: Int)
    /// Only stylesheets changed: swap them.
    case css(generation: Int)
    /// The rebuild failed: show the diagnostics; the last good site stays.
    case failed(String)

    /// The Server-Sent Events frame.
    var frame: String {
        func data(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        }
        switch self {
        case .reload(let generation): return "event: reload\n\(data(String(generation)))\n\n"
        case .css(let generation): return "event: css\n\(data(String(generation)))\n\n"
        case .failed(let text): return "event: failed\n\(data(text))\n\n"
        }
    }
}

/// The preview's state: the last build, and the pages listening for the next one.
public actor PreviewState {
    public let options: BuildOptions
    /// What one rebuild hands the next: the memo store in memory, the last good build's state.
    private let session = BuildSession()
    /// Diagnostics of the last build when it failed; nil while the site is good.
    public private(set) var failure: String?
    public private(set) var generation = 0
    public private(set) var lastReport: BuildReport?
    private var listeners: [UUID: AsyncStream<PreviewEvent>.Continuation] = [:]
    private var building = false
    private var pending: Set<String>?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// A stream of events for one open page; it ends when the page goes away.
    public func subscribe() -> AsyncStream<PreviewEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<PreviewEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        if let failure { continuation.yield(.failed(failure)) }
        return stream
    }

    private func unsubscribe(_ id: UUID) {
        listeners[id] = nil
    }

    public var listenerCount: Int { listeners.count }

    private func broadcast(_ event: PreviewEvent) {
        for continuation in listeners.values { continuation.yield(event) }
    }

    /// Rebuilds the site; `changed` are the paths (relative to the site root) that changed, if known.
    /// Rebuilds asked for while one runs are merged into one more.
    @discardableResult
    public func rebuild(changed: Set<String> = []) async -> BuildReport? {
        if building {
            pending = (pending ?? []).union(changed)
            return nil
        }
        building = true
        var report = await SiteBuilder.build(options, session: session, changed: changed)
        var changes = changed
        while let more = pending {
            pending = nil
            changes.formUnion(more)
            report = await SiteBuilder.build(options, session: session, changed: more)
        }
        building = false
        lastReport = report
        if report.succeeded {
            failure = nil
            generation += 1
            let cssOnly =
                !changes.isEmpty && changes.allSatisfy { $0.hasPrefix("templates/assets/") && $0.hasSuffix(".css") }
            broadcast(cssOnly ? .css(generation: generation) : .reload(generation: generation))
        } else {
            let printer = DiagnosticPrinter(root: options.root, color: false)
            let text = printer.render(report.diagnostics) + (DiagnosticPrinter.counts(report.diagnostics) ?? "")
            failure = text
            broadcast(.failed(text))
        }
        return report
    }
}
