import Foundation

/// How many tasks run at once: one per core, unless a caller says otherwise.
public enum Parallelism {
    /// Set for a scope (`Parallelism.$workers.withValue(1) { ... }`) to build on fewer cores.
    @TaskLocal public static var workers: Int?

    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    static var current: Int { max(1, workers ?? cores) }
}

/// Maps `items` across the cores in a bounded task group: a few contiguous chunks per core, not a
/// task per item. Results keep the order of `items`, whatever the timing.
func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T], workers: Int = Parallelism.current, _ transform: @escaping @Sendable (T) -> R
) async -> [R] {
    if items.count < 2 || workers <= 1 { return items.map(transform) }
    let chunkCount = min(items.count, workers * 16)
    let chunkSize = (items.count + chunkCount - 1) / chunkCount
    return await withTaskGroup(of: (Int, [R]).self) { group in
        var next = 0
        var results = [[R]](repeating: [], count: chunkCount)
        func add(_ chunk: Int) {
            let range = (chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize)
            group.addTask { (chunk, range.map { transform(items[$0]) }) }
        }
        // At most `workers` chunks in flight.
        while next < min(workers, chunkCount) {
            add(next)
            next += 1
        }
        for await (chunk, values) in group {
            results[chunk] = values
            if next < chunkCount, next * chunkSize < items.count {
                add(next)
                next += 1
            }
        }
        return results.flatMap { $0 }
    }
}
