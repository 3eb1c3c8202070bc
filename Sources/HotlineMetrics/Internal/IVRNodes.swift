import Foundation
import HotlineModel

/// The nodes of IVR paths, interned once per distinct path: what the `ivr_node` rows of a `--by` table and the
/// `ivr_drop_off` exception count by. The rows are made from the rows by path at the end of a pass, so no call
/// costs more than its path's symbol in the row key.
struct IVRNodes {
    let symbols: SymbolTable
    /// The prefixes of each path seen, by path symbol: interned once per distinct path.
    private var prefixes: [Symbol: [Symbol]] = [:]

    init(symbols: SymbolTable) { self.symbols = symbols }

    /// Each row spread over the nodes of its path; `keepsPath` when the table also has `ivr_path`. A call without a
    /// path stays in a row with an empty node.
    mutating func fannedOut(_ rows: [RowKey: CallAccumulator], keepsPath: Bool) -> [RowKey: CallAccumulator] {
        var out: [RowKey: CallAccumulator] = [:]
        for (key, acc) in rows {
            var nodeKey = key
            if !keepsPath { nodeKey.ivrPath = .none }
            for node in nodes(of: key.ivrPath) {
                nodeKey.ivrNode = node
                out[nodeKey, default: CallAccumulator()].merge(acc)
            }
        }
        return out
    }

    /// `主菜单>支付>失败`: `主菜单`, `主菜单>支付`, `主菜单>支付>失败` (as IVRSection names the nodes).
    mutating func nodes(of path: Symbol) -> [Symbol] {
        if path.isNone { return [.none] }
        if let known = prefixes[path] { return known }
        let parts = symbols[path].split(separator: ">").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        let nodes =
            parts.isEmpty ? [Symbol.none] : parts.indices.map { symbols.intern(parts[...$0].joined(separator: ">")) }
        prefixes[path] = nodes
        return nodes
    }
}
