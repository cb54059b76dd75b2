// Package docx reads what kompass needs of a Word document (.docx, Office
// Open XML WordprocessingML): the body's paragraphs in order with their
// heading level, list membership (numbering.xml), bold and italic runs,
// hyperlinks and footnotes, and its tables as rows of plain text. It does
// not read pictures, text boxes, comments, headers or footers; what it
// passes over that holds text is listed in Document.Skipped, so that the
// caller can say so.
//
// The input is untrusted, as workbooks are (internal/xlsx): the file must be
// a regular file within the size limits; the archive's declared sizes are
// checked before anything is inflated (a zip bomb is refused unopened), a
// part is read no further than its limit even when the archive lies, the
// number of files, blocks, table cells and footnotes is bounded, XML nesting
// is bounded, and malformed input is an error, never a panic. Parts are
// read with encoding/xml, which expands no entities beyond XML's own.
//
// No maintained Go library reads this subset with such limits: the ones
// there are write documents first, unmarshal whole parts into structs
// without bounds, and resolve neither style inheritance nor numbering, so
// this small reader is kompass's own (and fuzzed, FuzzRead).
package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/kompass-dev/kompass/internal/inputfile"
	"github.com/kompass-dev/kompass/internal/msg"
)

// Limits bound what Read accepts. The sizes are those of the workbook
// reader (internal/sheet), so that a document is refused where a workbook
// of the same size would be.
type Limits struct {
	MaxFile      int64  // bytes on disk
	MaxEntries   int    // files in the archive
	MaxTotal     uint64 // declared unpacked size of all files
	MaxPart      uint64 // unpacked size of any one part that is read
	MaxDepth     int    // nesting of XML elements in a part
	MaxText      int    // bytes of one paragraph's or one table cell's text
	MaxBlocks    int    // paragraphs and tables of the body
	MaxCells     int    // table cells of the whole document
	MaxFootnotes int    // footnotes and endnotes referred to
}

// DefaultLimits suit an evaluation's analysis, which is some hundred
// paragraphs and a few tables.
var DefaultLimits = Limits{
	MaxFile: 20 << 20, MaxEntries: 1000, MaxTotal: 50 << 20, MaxPart: 25 << 20,
	MaxDepth: 128, MaxText: 1 << 20, MaxBlocks: 20000, MaxCells: 100000, MaxFootnotes: 5000,
}

// Errors of Read and ReadFile: the errors they return wrap one, for
// errors.Is; their texts are in the language messages are shown in.
var (
	ErrNotRegular = msg.New("not a regular file")
	ErrNotDocx    = msg.New("not a Word document (.docx)")
	ErrTooLarge   = msg.New("the document is larger than kompass reads")
	ErrMalformed  = msg.New("the document is damaged")
)

// ReadFile reads the document at path within DefaultLimits. Only a regular
// file is opened (a FIFO or a link to a device is refused before it is
// opened, and what was opened is checked again), and the read stops past
// the size limit whatever the file claims.
func ReadFile(path string) (*Document, error) {
	return readFile(path, DefaultLimits)
}

func readFile(name string, lim Limits) (*Document, error) {
	data, err := inputfile.Read(name, inputfile.Document, lim.MaxFile)
	var ie *inputfile.Error
	switch {
	case errors.As(err, &ie) && ie.TooLarge:
		return nil, refused{ie.Reason, ErrTooLarge}
	case errors.As(err, &ie):
		return nil, refused{ie.Reason, ErrNotRegular}
	case err != nil:
		return nil, unwrapPath(err)
	}
	return Read(data, lim)
}

// refused is a file inputfile refused: its reason, as one of the errors
// of ReadFile.
type refused struct {
	reason string
	kind   error
}

func (e refused) Error() string { return e.reason }
func (e refused) Unwrap() error { return e.kind }

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// archive is an opened .docx: its parts by name.
type archive struct {
	files map[string]*zip.File
	lim   Limits
}

// Read reads a document from its bytes.
func Read(data []byte, lim Limits) (*Document, error) {
	if err := sniff(data); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, msg.Errorf("%w: a damaged zip archive (%v)", ErrMalformed, err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, msg.Errorf("%w: the archive holds %d files (at most %d)", ErrTooLarge, len(zr.File), lim.MaxEntries)
	}
	a := &archive{files: map[string]*zip.File{}, lim: lim}
	var total uint64
	seen := map[string]bool{}
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > lim.MaxTotal || zf.UncompressedSize64 > lim.MaxTotal {
			return nil, msg.Errorf("%w: the archive unpacks to more than %d MB (a zip bomb, or not an analysis)", ErrTooLarge, lim.MaxTotal>>20)
		}
		name := strings.TrimPrefix(zf.Name, "/")
		// Part names are case-insensitive; with a part twice, programs
		// differ in which copy they show.
		if low := strings.ToLower(name); seen[low] {
			return nil, msg.Errorf("%w: the archive holds the part %s twice; open it in Word or LibreOffice and save it again", ErrMalformed, name)
		} else {
			seen[low] = true
		}
		a.files[name] = zf
	}
	if _, ok := a.files["mimetype"]; ok {
		if m, err := a.read("mimetype"); err == nil && strings.Contains(string(m), "opendocument") {
			return nil, msg.Errorf("%w: it is an OpenDocument file (.odt); save it as a Word document (.docx)", ErrNotDocx)
		}
	}
	main, err := a.mainPart()
	if err != nil {
		return nil, err
	}
	return a.document(main)
}

// sniff names what is not a .docx before it is opened.
func sniff(data []byte) error {
	switch {
	case len(data) == 0:
		return msg.Errorf("%w: the file is empty", ErrNotDocx)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		if bytes.Contains(data, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e")) {
			return msg.Errorf("%w: the document is password-protected (encrypted); save a copy without a password", ErrNotDocx)
		}
		return msg.Errorf("%w: it is an old Word file (.doc, Word 97–2003); save it as a Word document (.docx)", ErrNotDocx)
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return msg.Errorf("%w: it is an RTF file; save it as a Word document (.docx)", ErrNotDocx)
	case !bytes.HasPrefix(data, []byte("PK")):
		return msg.Errorf("%w: a .docx file is a zip archive, and this one is not", ErrNotDocx)
	}
	return nil
}

// read reads one part into memory, refusing it above the limit; the read
// stops at the limit even if the archive lies about sizes.
func (a *archive) read(name string) ([]byte, error) {
	zf, ok := a.files[name]
	if !ok {
		return nil, msg.Errorf("%w: the part %s is missing", ErrMalformed, name)
	}
	if zf.UncompressedSize64 > a.lim.MaxPart {
		return nil, msg.Errorf("%w: the part %s unpacks to more than %d MB", ErrTooLarge, name, a.lim.MaxPart>>20)
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, msg.Errorf("%w: the part %s: %v", ErrMalformed, name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, int64(a.lim.MaxPart)+1))
	if err != nil {
		return nil, msg.Errorf("%w: the part %s: %v", ErrMalformed, name, err)
	}
	if uint64(len(data)) > a.lim.MaxPart {
		return nil, msg.Errorf("%w: the part %s unpacks to more than %d MB", ErrTooLarge, name, a.lim.MaxPart>>20)
	}
	return data, nil
}

// relationship is one entry of a part's relationships.
type relationship struct {
	typ, target string
	external    bool
}

// rels reads the relationships of a part (dir/_rels/file.rels); a part
// without them has none.
func (a *archive) rels(part string) (map[string]relationship, error) {
	dir, file := path.Split(part)
	name := dir + "_rels/" + file + ".rels"
	out := map[string]relationship{}
	if _, ok := a.files[name]; !ok {
		return out, nil
	}
	data, err := a.read(name)
	if err != nil {
		return nil, err
	}
	err = walk(name, data, a.lim, func(e event) error {
		if e.start && e.local == "Relationship" {
			id := e.attr("Id")
			if id == "" {
				return nil
			}
			r := relationship{typ: e.attr("Type"), target: e.attr("Target"), external: e.attr("TargetMode") == "External"}
			if !r.external {
				if strings.HasPrefix(r.target, "/") {
					r.target = path.Clean(strings.TrimPrefix(r.target, "/"))
				} else {
					r.target = path.Clean(path.Join(dir, r.target))
				}
			}
			out[id] = r
		}
		return nil
	})
	return out, err
}

// mainPart is the document part the package's relationships name
// (word/document.xml as Word and LibreOffice write it).
func (a *archive) mainPart() (string, error) {
	rels, err := a.rels("")
	if err != nil {
		return "", err
	}
	main := ""
	for _, r := range sortedRels(rels) {
		if strings.HasSuffix(r.typ, "/officeDocument") && !r.external {
			if _, ok := a.files[r.target]; ok {
				main = r.target
				break
			}
		}
	}
	if _, ok := a.files["word/document.xml"]; ok && main == "" {
		main = "word/document.xml"
	}
	switch {
	case strings.HasPrefix(main, "xl/") || main == "" && a.files["xl/workbook.xml"] != nil:
		return "", msg.Errorf("%w: it is an Excel workbook (.xlsx)", ErrNotDocx)
	case strings.HasPrefix(main, "ppt/"):
		return "", msg.Errorf("%w: it is a PowerPoint presentation (.pptx)", ErrNotDocx)
	case main == "":
		return "", msg.Errorf("%w: the zip archive holds no word/document.xml", ErrNotDocx)
	}
	return main, nil
}

// related is the target of the first relationship of part whose type ends
// in kind ("/styles"), or "" when there is none or its part is missing.
func (a *archive) related(rels map[string]relationship, kind string) string {
	for _, r := range sortedRels(rels) {
		if strings.HasSuffix(r.typ, kind) && !r.external {
			if _, ok := a.files[r.target]; ok {
				return r.target
			}
		}
	}
	return ""
}

// sortedRels lists relationships in the order of their ids, so that the
// same archive always gives the same choice.
func sortedRels(rels map[string]relationship) []relationship {
	ids := make([]string, 0, len(rels))
	for id := range rels {
		ids = append(ids, id)
	}
	sortStrings(ids)
	out := make([]relationship, len(ids))
	for i, id := range ids {
		out[i] = rels[id]
	}
	return out
}

// document reads the main part and what it refers to.
func (a *archive) document(main string) (*Document, error) {
	rels, err := a.rels(main)
	if err != nil {
		return nil, err
	}
	st := &styles{byID: map[string]*style{}}
	if p := a.related(rels, "/styles"); p != "" {
		data, err := a.read(p)
		if err != nil {
			return nil, err
		}
		if st, err = readStyles(p, data, a.lim); err != nil {
			return nil, err
		}
	}
	num := &numbering{nums: map[string]*num{}, abstract: map[string]*abstractNum{}}
	if p := a.related(rels, "/numbering"); p != "" {
		data, err := a.read(p)
		if err != nil {
			return nil, err
		}
		if num, err = readNumbering(p, data, a.lim); err != nil {
			return nil, err
		}
	}
	notes := map[string]map[string][]Run{}
	for _, kind := range []string{"footnote", "endnote"} {
		p := a.related(rels, "/"+kind+"s")
		if p == "" {
			continue
		}
		data, err := a.read(p)
		if err != nil {
			return nil, err
		}
		noteRels, err := a.rels(p)
		if err != nil {
			return nil, err
		}
		if notes[kind], err = readNotes(p, kind, data, a.lim, st, num, hyperlinks(noteRels)); err != nil {
			return nil, err
		}
	}
	data, err := a.read(main)
	if err != nil {
		return nil, err
	}
	return readBody(main, data, a.lim, st, num, hyperlinks(rels), notes)
}

// hyperlinks are the addresses of a part's external hyperlinks, by
// relationship id.
func hyperlinks(rels map[string]relationship) map[string]string {
	out := map[string]string{}
	for id, r := range rels {
		if strings.HasSuffix(r.typ, "/hyperlink") && r.external {
			out[id] = r.target
		}
	}
	return out
}

// errorAt is a malformed part's error.
func errorAt(part string, err error) error {
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrMalformed) || errors.Is(err, ErrNotDocx) {
		return err
	}
	return fmt.Errorf("%w: %s: %v", ErrMalformed, part, err)
}
