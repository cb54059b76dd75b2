package samples

import (
	"bytes"
	"fmt"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/sheet"
)

// PlanSample is a filled-in åtgärdsplan (issue 14) of a sample evaluation.
type PlanSample struct {
	File       string // file name in evaluations/
	Evaluation Sample // the evaluation the plan follows
	// Decision is the plan's decision as the kommun writes it on Uppgifter:
	// Beslutsinstans, Beslutsparagraf and Beslutsdatum (2006-02-14).
	Decision [3]string
	Actions  []PlanAction
}

// PlanAction is one åtgärd as the kommun writes it into the plan: the
// first of a Ref fills its row, the others are rows inserted below it.
type PlanAction struct {
	Ref, Text, Responsible, Due, Goal string // Due as 2006-06-30, or ""
	// Reports are the Status and Kommentar per occasion label ("April 2006").
	Reports map[string]PlanReport
	// Board is the Nämnd/förvaltning; Priority, Indicator and Target the
	// Prioritet, Indikator and Målvärde ("" where the kommun wrote none).
	Board, Priority, Indicator, Target string
}

// PlanReport is an åtgärd's status and comment at one occasion.
type PlanReport struct {
	Status  plan.Status
	Comment string
}

// PlanFile is the file name of Exempelkommun's plan in evaluations/.
const PlanFile = "exempelkommun-2005-atgardsplan.xlsx"

// ExempelPlan is the åtgärdsplan of the fictional Exempelkommun after its
// evaluation of 2005, followed up in April, August and the annual report
// of 2006 and in April and August 2007 (the annual report of 2007 is not
// written yet). Like Exempelkommun itself, every åtgärd, name and comment
// is invented for kompass: no real kommun's follow-up is described. Some
// åtgärder are done, some partly, one was dropped, some not begun, and a
// few are overdue (Klart senast passed without Genomförd).
func ExempelPlan() PlanSample {
	type r = PlanReport
	const (
		a06, au06, ar06, a07, au07 = "April 2006", "Augusti 2006", "Årsredovisning 2006", "April 2007", "Augusti 2007"
	)
	done, partly, inProgress, not, notStarted := plan.Done, plan.Partly, plan.InProgress, plan.NotDone, plan.NotStarted
	return PlanSample{
		File:       PlanFile,
		Evaluation: exempel2005(),
		Decision:   [3]string{"Kommunstyrelsen", "§ 23", "2006-02-14"},
		Actions: []PlanAction{
			{"1.F1", "Bygg en sida \"Påverka i Exempelkommun\" med e-förslag, medborgardialoger och kontaktvägar.", "Kommunikationschefen", "2006-09-30", "Mål 1: Öppen och tillgänglig kommun",
				map[string]r{a06: {partly, "Sidan är skissad; e-förslag upphandlas."}, au06: {partly, "E-förslag i drift från juni."}, ar06: {done, "Sidan publicerad i oktober."}}, "Kommunstyrelsen", "Hög", "", ""},
			{"1.F2", "Ta fram en lättläst sammanfattning av årsredovisningen med nämndernas måluppfyllelse.", "Ekonomichefen", "2007-04-30", "Mål 1: Öppen och tillgänglig kommun",
				map[string]r{a06: {notStarted, ""}, au06: {notStarted, "Väntar på den nya målstrukturen."}, ar06: {partly, "Mall klar, prövas på årsredovisningen 2006."}, a07: {done, "Sammanfattningen delad ut till alla hushåll."}}, "Kommunstyrelsen", "", "", ""},
			{"2.F1", "Inför ett gemensamt system för synpunkter och klagomål i alla förvaltningar.", "Kanslichefen", "2006-12-31", "Mål 2: Nöjda medborgare",
				map[string]r{a06: {inProgress, "Systemet valt."}, au06: {partly, "I drift i två förvaltningar av fem."}, ar06: {partly, "Tre förvaltningar av fem."}, a07: {partly, "Fyra av fem; socialförvaltningen under våren."}, au07: {done, "Alla förvaltningar använder systemet."}}, "Kommunstyrelsen", "Hög", "Förvaltningar som använder systemet", "5 av 5"},
			{"2.F1", "Redovisa synpunkterna och vad de lett till för kommunstyrelsen två gånger om året.", "Kanslichefen", "2007-06-30", "Mål 2: Nöjda medborgare",
				map[string]r{au06: {notStarted, "Börjar när systemet finns i alla förvaltningar."}, ar06: {notStarted, ""}, a07: {partly, "Första redovisningen gjord, utan socialförvaltningen."}, au07: {partly, "Andra redovisningen flyttad till hösten."}}, "Kommunstyrelsen", "", "", ""},
			{"2.F2", "Mät hur servicegarantierna hålls och redovisa det i delårsrapporten.", "Kvalitetsstrategen", "2006-08-31", "Mål 2: Nöjda medborgare",
				map[string]r{a06: {partly, "Mätning i skola och bygglov."}, au06: {done, "Redovisat i delårsrapporten."}}, "Samhällsbyggnadsnämnden", "Medel", "Andel servicegarantier som hålls", "95 %"},
			{"3.F1", "Minska kommunfullmäktiges mål från 42 till högst 12, vart och ett med ett mått.", "Kommundirektören", "2006-11-30", "Budget 2007",
				map[string]r{a06: {partly, "Förslag på 15 mål på remiss."}, au06: {partly, ""}, ar06: {done, "Fullmäktige antog 11 mål i budget 2007."}}, "Kommunstyrelsen", "Hög", "Antal mål i budgeten", "Högst 12"},
			{"4.F1", "Ta fram en gemensam delegationsordning för alla nämnder.", "Kanslichefen", "2006-12-31", "Mål 5: Effektiv organisation",
				map[string]r{a06: {notStarted, ""}, au06: {notStarted, "Resurser saknas under hösten."}, ar06: {notStarted, "Skjuts till 2007."}, a07: {inProgress, "Utkast till tre nämnder."}, au07: {partly, "Sex av åtta nämnder klara."}}, "Kommunstyrelsen", "Medel", "", ""},
			{"5.F1", "Inför en gemensam mall för nämndernas uppföljning av mål och kvalitet i april, augusti och årsredovisningen.", "Ekonomichefen", "2006-08-31", "Mål 5: Effektiv organisation",
				map[string]r{a06: {done, "Mallen användes i aprilrapporten."}}, "Kommunstyrelsen", "", "", ""},
			{"5.F2", "Redovisa brukarundersökningarnas resultat i varje nämnds verksamhetsplan.", "Förvaltningscheferna", "2007-03-31", "Mål 2: Nöjda medborgare",
				map[string]r{au06: {notStarted, ""}, ar06: {partly, "Tre nämnder av åtta."}, a07: {partly, "Fem nämnder av åtta."}, au07: {partly, "Sex nämnder av åtta."}}, "Barn- och utbildningsnämnden", "Medel", "Nämnder som redovisar resultaten", "8 av 8"},
			{"5.F2", "Gör en gemensam kalender för kommunens brukarundersökningar.", "Kvalitetsstrategen", "2006-06-30", "Mål 2: Nöjda medborgare",
				map[string]r{a06: {not, "Ersätts av regionens gemensamma undersökningskalender."}}, "Kommunstyrelsen", "Låg", "", ""},
			{"6.F1", "Jämför kostnader och resultat med fem liknande kommuner inför varje budget.", "Ekonomichefen", "2007-02-28", "Budget 2008",
				map[string]r{ar06: {notStarted, "Jämförelsekommuner ska väljas."}, a07: {done, "Jämförelsen ingick i budgetunderlaget."}}, "Kommunstyrelsen", "", "", ""},
			{"7.F1", "Starta ett ledarutvecklingsprogram för alla chefer, med en första grupp hösten 2006.", "Personalchefen", "2006-10-31", "Mål 4: Attraktiv arbetsgivare",
				map[string]r{a06: {partly, "Programmet upphandlat."}, au06: {done, "Första gruppen startade i september."}}, "Kommunstyrelsen", "", "", ""},
			{"7.F2", "Redovisa sjukfrånvaron per förvaltning och arbetsplats varje kvartal.", "Personalchefen", "2006-06-30", "Mål 4: Attraktiv arbetsgivare",
				map[string]r{a06: {notStarted, "Lönesystemet kan inte ta fram uppgiften."}, au06: {notStarted, ""}, ar06: {partly, "Per förvaltning, inte per arbetsplats."}, a07: {inProgress, ""}, au07: {inProgress, "Per arbetsplats från hösten."}}, "Kommunstyrelsen", "", "Sjukfrånvaro redovisad per arbetsplats", "Varje kvartal"},
			{"8.F1", "Håll ett föreningsråd i varje tätort två gånger om året.", "Kultur- och fritidschefen", "2006-12-31", "Mål 3: Levande landsbygd",
				map[string]r{a06: {partly, "Råd bildat i två tätorter av fyra."}, au06: {partly, ""}, ar06: {done, "Råd i alla fyra tätorter."}}, "Kultur- och fritidsnämnden", "", "", ""},
			{"8.F1", "Ta fram en gemensam lokalbank för föreningarna i de mindre tätorterna.", "Kultur- och fritidschefen", "2007-06-30", "Mål 3: Levande landsbygd",
				map[string]r{ar06: {notStarted, ""}, a07: {notStarted, "Väntar på lokalinventeringen."}, au07: {notStarted, "Lokalinventeringen försenad."}}, "Kultur- och fritidsnämnden", "Låg", "", ""},
		},
	}
}

// PlanWorkbook writes the plan workbook of the sample's evaluation, with
// the default occasions, and fills it in the way the kommun would: the
// first åtgärd of a förbättringsområde in its row, each further one in a
// row inserted below it that repeats the Ref.
func PlanWorkbook(reg *instrument.Registry, ps PlanSample) ([]byte, error) {
	ev, err := ps.Evaluation.Evaluation(reg)
	if err != nil {
		return nil, err
	}
	f, err := plan.Workbook(ev, ev.Instrument, plan.Options{})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := fillPlan(f, ps.Actions); err != nil {
		return nil, fmt.Errorf("%s: %w", ps.File, err)
	}
	if err := fillDecision(f, ps.Decision); err != nil {
		return nil, fmt.Errorf("%s: %w", ps.File, err)
	}
	var buf bytes.Buffer
	if err := sheet.Save(&buf, f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func fillPlan(f *excelize.File, actions []PlanAction) error {
	sh := plan.SheetPlan
	rows, err := f.GetRows(sh)
	if err != nil {
		return err
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i + 1
	}
	rowOf := map[string]int{}
	for r, row := range rows[1:] {
		if len(row) > 0 {
			rowOf[row[0]] = r + 2
		}
	}
	byRef := map[string][]PlanAction{}
	var refs []string
	for _, a := range actions {
		if _, ok := rowOf[a.Ref]; !ok {
			return fmt.Errorf("no row with Ref %s", a.Ref)
		}
		if byRef[a.Ref] == nil {
			refs = append(refs, a.Ref)
		}
		byRef[a.Ref] = append(byRef[a.Ref], a)
	}
	// From the bottom up, so that inserted rows move no row still to fill.
	sort.Slice(refs, func(i, j int) bool { return rowOf[refs[i]] > rowOf[refs[j]] })
	for _, ref := range refs {
		row := rowOf[ref]
		as := byRef[ref]
		for i := len(as) - 1; i >= 1; i-- {
			// An inserted row, as the instructions say: the row's formats,
			// the Ref typed again, Område to Maxpoäng filled down (Ctrl+D).
			if err := f.DuplicateRow(sh, row); err != nil {
				return err
			}
			for _, h := range []string{plan.ColArea, plan.ColText, plan.ColScore, plan.ColMax} {
				if err := f.SetCellFormula(sh, sheet.Cell(col[h], row+1), plan.Lookup(h, row+1)); err != nil {
					return err
				}
			}
		}
		for i, a := range as {
			if err := writeAction(f, col, row+i, a); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeAction(f *excelize.File, col map[string]int, row int, a PlanAction) error {
	sh := plan.SheetPlan
	set := func(header string, v any) error {
		c, ok := col[header]
		if !ok {
			return fmt.Errorf("no column %s", header)
		}
		return f.SetCellValue(sh, sheet.Cell(c, row), v)
	}
	if err := sheet.FirstErr(set(plan.ColRef, a.Ref), set(plan.ColAction, a.Text), set(plan.ColResponsible, a.Responsible), set(plan.ColGoal, a.Goal),
		set(plan.ColBoard, a.Board), set(plan.ColPriority, a.Priority), set(plan.ColIndicator, a.Indicator), set(plan.ColTarget, a.Target)); err != nil {
		return err
	}
	if a.Due != "" {
		d, err := time.Parse("2006-01-02", a.Due)
		if err != nil {
			return err
		}
		if err := set(plan.ColDue, d); err != nil {
			return err
		}
	}
	labels := make([]string, 0, len(a.Reports))
	for l := range a.Reports {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		rep := a.Reports[l]
		if err := set(plan.ColStatus+" "+l, string(rep.Status)); err != nil {
			return err
		}
		if rep.Comment != "" {
			if err := set(plan.ColComment+" "+l, rep.Comment); err != nil {
				return err
			}
		}
	}
	return nil
}

// fillDecision writes the plan's decision into the open part of Uppgifter,
// by the labels in column A.
func fillDecision(f *excelize.File, d [3]string) error {
	rows, err := f.GetRows(plan.SheetFacts)
	if err != nil {
		return err
	}
	values := map[string]any{plan.FactDecisionBody: d[0], plan.FactDecisionParagraph: d[1]}
	if d[2] != "" {
		t, err := time.Parse(time.DateOnly, d[2])
		if err != nil {
			return err
		}
		values[plan.FactDecisionDate] = t
	}
	for r, row := range rows {
		if len(row) == 0 {
			continue
		}
		if v, ok := values[row[0]]; ok && v != "" {
			if err := f.SetCellValue(plan.SheetFacts, sheet.Cell(2, r+1), v); err != nil {
				return err
			}
		}
	}
	return nil
}
