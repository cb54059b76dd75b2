package plan

// The fictional plan of followup_test.go, for the golden tests of the
// renderers (package plan_test, which may import testkit).
var FictionalPlan = fictionalPlan
