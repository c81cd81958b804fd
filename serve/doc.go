// Package serve is armswatch's local web interface (armswatch serve): read-only pages over the
// database for the questions users ask most (what is new, what a treaty's figures did, what a
// speaker said), each with a JSON twin and a CSV download of its list.
package serve
