import HotlineCLI

HotlineCommand.main()
