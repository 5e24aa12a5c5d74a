import Foundation
import Synchronization

/// What a process that builds again and again (`hearth serve`) keeps between its builds: the memo
/// store in memory, and the last successful build, for edits that can be redone in place. Its
/// owner holds it and hands it to each build; `hearth build` makes none.
public final class BuildSession: Sendable {
    let store = BuildCache()
    private let last = Mutex<BuildState?>(nil)

    public init() {}

    /// The state the last successful build left.
    var previous: BuildState? {
        get { last.withLock { $0 } }
        set { last.withLock { $0 = newValue } }
    }
}
