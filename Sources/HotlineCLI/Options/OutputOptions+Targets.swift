#if canImport(Glibc)
    import Glibc
#endif

/// What `--output` and `--rejects` may name: never a file the run reads, never one file twice.
extension OutputOptions {
    /// The files written, as named, with the option naming each: standard output is not among them.
    var files: [(option: String, path: String)] {
        outputs.filter { $0 != "-" }.map { ("--output", $0) } + (rejects.map { [("--rejects", $0)] } ?? [])
    }

    /// Why the outputs cannot be written, as a usage error's sentence: an output is one of `inputs` (the files a
    /// run reads, resolved: directories to their files) or two outputs are one file. Nil when they can. Files
    /// are compared by device and inode, through links, so `a.csv`, `./a.csv` and a link to it are one file; a
    /// file not yet there by the path it would be created at.
    func targetProblem(against inputs: [String]) -> String? {
        Self.targetProblem(files: files, screens: outputs.filter { $0 == "-" }.count, against: inputs)
    }

    /// ``targetProblem(against:)`` for `files` written and standard output named `screens` times (staffing's
    /// `--output` too).
    static func targetProblem(files: [(option: String, path: String)], screens: Int, against inputs: [String])
        -> String?
    {
        guard !files.isEmpty || screens > 1 else { return nil }
        var read: [String: String] = [:]
        for input in inputs {
            if input == "-" {
                // Standard input redirected from a file (`< calls.csv`) is that file.
                var info = stat()
                if fstat(0, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                    read["\(info.st_dev):\(info.st_ino)"] = "standard input"
                }
            } else {
                let identity = OutputFile.identity(of: input)
                if read[identity] == nil { read[identity] = input }
            }
        }
        var written: [String: (option: String, path: String)] = [:]
        for file in files {
            let identity = OutputFile.identity(of: file.path)
            if let input = read[identity] {
                let what = input == file.path ? "an input of this run" : "an input of this run (\(input))"
                return
                    "\(file.option) \(file.path) is \(what): writing it would destroy it. Write the output to another file."
            }
            if let earlier = written[identity] {
                return
                    "\(earlier.option) \(earlier.path) and \(file.option) \(file.path) are the same file: one output would replace the other. Give each output its own file."
            }
            written[identity] = file
        }
        if screens > 1 {
            return "--output - is given \(screens) times: standard output takes one report."
        }
        return nil
    }
}
