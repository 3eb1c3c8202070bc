import HotlineCLI

HotlineCommand.runAsMain()
