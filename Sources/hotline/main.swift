import HotlineCLI

#if os(Linux)
    import CMalloc

    // At most two malloc arenas. Records are made on the reading threads and freed on the aggregating one, so
    // each thread's own arena keeps what the others freed: 10 million calls on two threads peaked at 283 MB with
    // glibc's default (eight arenas per core), 245 MB with two, in the same time.
    _ = mallopt(M_ARENA_MAX, 2)
#endif

HotlineCommand.runAsMain()
