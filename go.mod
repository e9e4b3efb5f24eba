module github.com/ganplayground/ganplayground

go 1.26

require (
	github.com/maxence-charriere/go-app/v10 v10.1.10
	gonum.org/v1/gonum v0.17.0
)

require github.com/google/uuid v1.6.0 // indirect
