import ArgumentParser
import Foundation
import HotlineModel

/// Running the command line: exit codes of the README and one `hotline: error: ...` line per error.
extension HotlineCommand {
    /// Runs the process's arguments and exits with the README's codes.
    public static func runAsMain() -> Never {
        Foundation.exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs `arguments` and returns the exit status; help and the version go to standard output, errors to
    /// standard error as one line each.
    static func run(_ arguments: [String]) -> Int32 {
        if let unknown = unknownSubcommand(in: arguments) {
            StandardError.write("hotline: error: \(unknown)\n")
            return HotlineExit.usage.rawValue
        }
        do {
            var command = try parsedDirectly(arguments) ?? parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let code as ExitCode {
            // Thrown by a command after it logged why.
            return code.rawValue
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version: asked for, so standard output.
                print(fullMessage(for: error))
                return 0
            }
            // A usage error may quote a path or value from the command line: no escape sequence reaches the terminal.
            StandardError.write("hotline: error: \(DisplayText.withoutControls(oneLine(for: error)))\n")
            // ArgumentParser gives 64 (EX_USAGE) for its usage errors; the README says 2.
            return code == .validationFailure ? HotlineExit.usage.rawValue : code.rawValue
        }
    }

    /// The subcommand the first argument names, parsed on its own; nil when there is none or it does not parse
    /// cleanly. ArgumentParser's parse from the root builds the subcommand's argument set twice more, to ask
    /// whether it takes pass-through arguments: 12 M instructions, 5% of a one-day report. Whatever this does not
    /// parse (`--help`, a usage error) is parsed again from the root, so messages, usage lines and help are the
    /// root's; `validate` has no side effects (the configuration it loads is kept for the second parse).
    ///
    /// The same result as the root's holds while the root has no options of its own (its `--version` is refused
    /// here and taken there) and no subcommand has subcommands, a default subcommand, `@ParentCommand`, or an
    /// argument that takes all remaining or unrecognised input: revisit this with any of those.
    static func parsedDirectly(_ arguments: [String]) -> ParsableCommand? {
        guard let first = arguments.first,
            let subcommand = configuration.subcommands.first(where: { $0._commandName == first })
        else { return nil }
        // Help comes back as ArgumentParser's help command, which would name the subcommand without `hotline`.
        guard let parsed = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
            type(of: parsed) == subcommand
        else { return nil }
        return parsed
    }

    /// An error's message on one line: ArgumentParser's own messages may run over several (a usage line, a
    /// "Help:" line), and a leading "Error: " would repeat the prefix.
    static func oneLine(for error: Error) -> String {
        let lines = message(for: error).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") && !$0.hasPrefix("Help:") }
        var text = lines.joined(separator: " ")
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        return text.isEmpty ? "\(error)" : text
    }

    /// A first argument that reads as a subcommand but names none: the nearest name, so `hotline reprt` says
    /// "did you mean 'report'?" rather than "unexpected argument".
    static func unknownSubcommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        let nearest = names.dropLast().min { distance(first, $0) < distance(first, $1) }
        let known = names.dropLast().joined(separator: ", ")
        if let nearest, distance(first, nearest) <= max(2, nearest.count / 3) {
            return "unknown command '\(first)': did you mean '\(nearest)'? (commands: \(known))"
        }
        return "unknown command '\(first)': the commands are \(known); see 'hotline --help'."
    }

    /// Edit distance (insertions, deletions, substitutions) between two short words.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased())
        let b = Array(b.lowercased())
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
