import Foundation

/// How many tasks run at once: one per core, unless a caller says otherwise.
public enum Parallelism {
    /// Set for a scope (`Parallelism.$workers.withValue(1) { ... }`) to build on fewer cores.
    @TaskLocal public static var workers: Int?

    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    static var current: Int { max(1, workers ?? cores) }
}

/// Maps `items` across the cores in a bounded task group: a few contiguous chunks per core, not a
/// task per item. Results keep the order of `items`, whatever the timing. Each chunk is let go of
/// once it is transformed: when the caller hands over its only copy (`consume`), what only the
/// transform needs (a page's text) is freed as the work goes, not held to its end.
func parallelMap<T: Sendable, R: Sendable>(
    _ items: consuming [T], workers: Int = Parallelism.current, _ transform: @escaping @Sendable (T) -> R
) async -> [R] {
    if items.count < 2 || workers <= 1 { return items.map(transform) }
    let count = items.count
    let chunkCount = min(count, workers * 64)
    let chunkSize = (count + chunkCount - 1) / chunkCount
    var chunks = stride(from: 0, to: count, by: chunkSize).map { Array(items[$0..<min(count, $0 + chunkSize)]) }
    items = []
    return await withTaskGroup(of: (Int, [R]).self) { group in
        var next = 0
        var results = [[R]](repeating: [], count: chunks.count)
        func add(_ chunk: Int) {
            let work = chunks[chunk]
            chunks[chunk] = []  // the task holds the chunk's only copy
            group.addTask { (chunk, work.map(transform)) }
        }
        // At most `workers` chunks in flight.
        while next < min(workers, chunks.count) {
            add(next)
            next += 1
        }
        for await (chunk, values) in group {
            results[chunk] = values
            if next < chunks.count {
                add(next)
                next += 1
            }
        }
        return results.flatMap { $0 }
    }
}
