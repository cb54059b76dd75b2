package serve

import (
	"os/exec"
	"runtime"
)

// Open opens url in the user's default browser, as a double-click on a
// link would: through the system's own opener (rundll32's URL handler on
// Windows, open on macOS, xdg-open elsewhere). It does not wait for the
// browser.
func Open(url string) error {
	cmd := openCommand(runtime.GOOS, url)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// openCommand is the command that opens url on goos. The URL is one
// argument, never parsed by a shell (cmd's "start" would split it at &).
func openCommand(goos, url string) *exec.Cmd {
	switch goos {
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		return exec.Command("open", url)
	}
	return exec.Command("xdg-open", url)
}
