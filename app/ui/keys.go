package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// isTextInput reports whether an <input> of this type takes typed text
// (space and → then move the caret, not the run). Checkboxes, radios,
// buttons, ranges, colours and file pickers do not.
func isTextInput(typ string) bool {
	switch strings.ToLower(typ) {
	case "checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image":
		return false
	}
	return true
}

// KeyHint lists the page's keys, beside the transport buttons.
type KeyHint struct{ app.Compo }

func (k *KeyHint) Render() app.UI {
	return app.P().Class("keyhint muted").Attr("data-test", "key-hint").Body(
		app.Text("Keys: "), app.Kbd().Text("space"), app.Text(" play / pause · "),
		app.Kbd().Text("→"), app.Text(" one step (outside text fields)"),
	)
}
