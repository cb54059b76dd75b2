// Package sheet is the toolkit every workbook kompass writes or reads
// shares: on the writing side the styles, page set-up, header rows,
// protection, drop-down lists and row heights (so the template, the
// consensus workbook and the åtgärdsplan look and behave alike); on the
// reading side opening a workbook within limits, finding a sheet's rows,
// folding headers and showing cells as the user sees them. It knows nothing
// of evaluations or plans: internal/workbook and internal/plan build on it.
package sheet
