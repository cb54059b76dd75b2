// Command kompass works with Kommunkompassen evaluations: see the README.
package main

import (
	"os"

	"github.com/kompass-dev/kompass/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
