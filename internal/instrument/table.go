package instrument

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/kompass-dev/kompass/internal/msg"
)

// WriteTable lists instruments for people, one per line: ref, name, the
// number of huvudområden and delfrågor, maxpoäng, step and origin.
func WriteTable(w io.Writer, ins []*Instrument) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "INSTRUMENT\tNAMN\tHUVUDOMRÅDEN\tDELFRÅGOR\tMAX\tSTEG\tKÄLLA")
	for _, in := range ins {
		q := "–"
		if n := in.Questions(); n > 0 {
			q = strconv.Itoa(n)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", in.Ref(), in.Name, len(in.Areas), q, in.Max().Swedish(), in.Step.Swedish(), in.Origin)
	}
	return tw.Flush()
}

// Outline is the one-line description of a checked instrument:
// "kommunkompassen@2007, 8 huvudområden, 37 delfrågor, max 800".
func (in *Instrument) Outline() string {
	return fmt.Sprintf("%s, %d %s, %d %s, max %s", in.Ref(),
		len(in.Areas), msg.Plural(len(in.Areas), "huvudområde", "huvudområden"),
		in.Questions(), msg.Plural(in.Questions(), "delfråga", "delfrågor"), in.Max().Swedish())
}
