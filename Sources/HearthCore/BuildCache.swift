import Foundation

/// What one build can hand to the next in the same process (`hearth serve`): parsed files,
/// rendered Markdown, rendered cards and pages, each kept with a key made of everything it was
/// made from. A rebuild after an edit parses, renders and writes only what the edit changed; the
/// rest is checked by key and reused.
///
/// Keys use Swift's `Hasher`, which is seeded per process: the cache lives in memory only.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [String: (key: Int, page: Page?, diagnostics: [Diagnostic])] = [:]
    private var markdown: [String: (key: Int, rendered: RenderedPage)] = [:]
    private var renders: [String: (key: Int, text: String)] = [:]
    /// How many lookups found their entry in the last build (for tests and --verbose).
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init() {}

    func source(_ path: String, key: Int, make: () -> (Page?, [Diagnostic])) -> (Page?, [Diagnostic]) {
        if let hit = lock.withLock({ sources[path] }), hit.key == key {
            count(hit: true)
            return (hit.page, hit.diagnostics)
        }
        count(hit: false)
        let made = make()
        lock.withLock { sources[path] = (key, made.0, made.1) }
        return made
    }

    func markdown(_ path: String, key: Int, make: () -> RenderedPage) -> RenderedPage {
        if let hit = lock.withLock({ markdown[path] }), hit.key == key {
            count(hit: true)
            return hit.rendered
        }
        count(hit: false)
        let made = make()
        lock.withLock { markdown[path] = (key, made) }
        return made
    }

    func render(_ path: String, key: Int, make: () -> String) -> String {
        if let hit = lock.withLock({ renders[path] }), hit.key == key {
            count(hit: true)
            return hit.text
        }
        count(hit: false)
        let made = make()
        lock.withLock { renders[path] = (key, made) }
        return made
    }

    private func count(hit: Bool) {
        lock.withLock {
            if hit { hits += 1 } else { misses += 1 }
        }
    }

    func resetCounts() {
        lock.withLock {
            hits = 0
            misses = 0
        }
    }
}
