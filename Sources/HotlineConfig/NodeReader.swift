import Foundation
import HotlineModel
import Yams

/// Reads typed values out of YAML nodes, turning every mismatch into a ``ConfigError`` with the node's line.
struct NodeReader {
    let file: String

    func error(_ node: Node, _ key: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line ?? 0, key: key, message: message)
    }

    /// The pairs of a mapping, in file order; a key not in `known` (when given) is an error that lists them.
    func mapping(_ node: Node, at key: String, known: [String]?) throws -> [(String, Node)] {
        guard let mapping = node.mapping else {
            throw error(node, key, "expected a mapping of settings, found \(describe(node))")
        }
        var pairs: [(String, Node)] = []
        var seen = Set<String>()
        for (k, v) in mapping {
            guard let name = k.string else { throw error(k, key, "expected a setting name, found \(describe(k))") }
            let path = key.isEmpty ? name : "\(key).\(name)"
            if let known, !known.contains(name) {
                throw error(k, path, "unknown setting; known here: \(known.joined(separator: ", "))")
            }
            guard seen.insert(name).inserted else { throw error(k, path, "given twice") }
            pairs.append((name, v))
        }
        return pairs
    }

    func sequence(_ node: Node, at key: String) throws -> [Node] {
        guard let sequence = node.sequence else { throw error(node, key, "expected a list, found \(describe(node))") }
        return Array(sequence)
    }

    func string(_ node: Node, at key: String) throws -> String {
        guard let scalar = node.scalar else { throw error(node, key, "expected text, found \(describe(node))") }
        return scalar.string
    }

    func strings(_ node: Node, at key: String) throws -> [String] {
        if node.scalar != nil {
            return try string(node, at: key).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return try sequence(node, at: key).map { try string($0, at: key) }
    }

    func int(_ node: Node, at key: String, range: ClosedRange<Int>? = nil) throws -> Int {
        let text = try string(node, at: key)
        guard let value = Int(text) else {
            throw error(node, key, "expected a whole number, found '\(DisplayText.shown(text))'")
        }
        if let range, !range.contains(value) {
            throw error(node, key, "expected \(range.lowerBound) to \(range.upperBound), found \(value)")
        }
        return value
    }

    func bool(_ node: Node, at key: String) throws -> Bool {
        let text = try string(node, at: key).lowercased()
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, key, "expected true or false, found '\(DisplayText.shown(text))'")
        }
    }

    /// A fraction written as `0.8` or `80%`.
    /// A share: `80`, `80%` and `0.8` all mean 80% (``Percentage``).
    func fraction(_ node: Node, at key: String) throws -> Double {
        let text = try string(node, at: key)
        guard let value = Percentage(parsing: text) else {
            throw error(node, key, "expected a share such as 80, 80% or 0.8, found '\(DisplayText.shown(text))'")
        }
        return value.fraction
    }

    func zone(_ node: Node, at key: String) throws -> String {
        let name = try string(node, at: key)
        do {
            _ = try ZoneName.zone(name)
        } catch {
            throw self.error(node, key, "\(error); \(ZoneName.Problem.hint)")
        }
        return name
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): "'\(DisplayText.shown(s.string))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
