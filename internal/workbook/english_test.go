package workbook_test

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/testbase"
)

func TestMain(m *testing.M) { testbase.MainIn(m, msg.English) }
