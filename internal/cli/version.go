package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/version"
)

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   msg.T("version"),
		Short: msg.T("Print the version of kompass"),
		Long:  msg.Help("version"),
		Args:  exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVersion(stdout)
		},
	}
}

func runVersion(stdout io.Writer) error {
	i := version.Get()
	fmt.Fprintf(stdout, "kompass %s\n", i.Version)
	if i.Commit != "" {
		commit := i.Commit
		if i.Dirty {
			commit += msg.T(" (with changes not committed)")
		}
		fmt.Fprint(stdout, msg.Sprintf("commit %s\n", commit))
	}
	if i.Date != "" {
		fmt.Fprint(stdout, msg.Sprintf("built %s\n", i.Date))
	}
	fmt.Fprintf(stdout, "%s %s\n", i.Go, i.OS)
	return nil
}
