import Foundation

/// What one build can hand to the next in the same process (`hearth serve`): parsed files,
/// rendered Markdown, rendered cards and pages, each kept with a key made of everything it was
/// made from. A rebuild after an edit parses, renders and writes only what the edit changed; the
/// rest is checked by key and reused.
///
/// Keys use Swift's `Hasher`, which is seeded per process: the cache lives in memory only.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [String: (key: Int, value: (Page?, [Diagnostic]))] = [:]
    private var markdown: [String: (key: Int, value: RenderedPage)] = [:]
    private var renders: [String: (key: Int, value: String)] = [:]
    /// How many lookups found their entry in the last build (for tests and --verbose).
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init() {}

    /// The value stored under `path` if its key matches; else `make()`, stored.
    private func lookup<Value>(
        _ store: ReferenceWritableKeyPath<BuildCache, [String: (key: Int, value: Value)]>, _ path: String, key: Int,
        make: () -> Value
    ) -> Value {
        let hit = lock.withLock { () -> Value? in
            let found = self[keyPath: store][path]
            if let found, found.key == key {
                hits += 1
                return found.value
            }
            misses += 1
            return nil
        }
        if let hit { return hit }
        let made = make()
        lock.withLock { self[keyPath: store][path] = (key, made) }
        return made
    }

    func source(_ path: String, key: Int, make: () -> (Page?, [Diagnostic])) -> (Page?, [Diagnostic]) {
        lookup(\.sources, path, key: key, make: make)
    }

    func markdown(_ path: String, key: Int, make: () -> RenderedPage) -> RenderedPage {
        lookup(\.markdown, path, key: key, make: make)
    }

    func render(_ path: String, key: Int, make: () -> String) -> String {
        lookup(\.renders, path, key: key, make: make)
    }

    func resetCounts() {
        lock.withLock {
            hits = 0
            misses = 0
        }
    }
}
