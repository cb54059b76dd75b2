package docx_test

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/testkit"
)

func TestMain(m *testing.M) { testkit.MainIn(m, msg.English) }
