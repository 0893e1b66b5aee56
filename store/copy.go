package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// copier streams rows into a COPY … FROM STDIN statement prepared in a
// transaction (lib/pq's bulk load).
type copier struct {
	stmt *sql.Stmt
	rows int
}

// stage creates a temporary table, dropped at commit, and opens a COPY
// into the named columns.
func (c conn) stage(ctx context.Context, table, definition string, columns ...string) (*copier, error) {
	if _, err := c.exec(ctx, `CREATE TEMP TABLE `+table+` (`+definition+`) ON COMMIT DROP`); err != nil {
		return nil, err
	}
	p, ok := c.q.(interface {
		PrepareContext(context.Context, string) (*sql.Stmt, error)
	})
	if !ok {
		return nil, errors.New("store: COPY needs a transaction")
	}
	countStatement(ctx)
	stmt, err := p.PrepareContext(ctx, `COPY `+table+` (`+strings.Join(columns, ", ")+`) FROM STDIN`)
	if err != nil {
		return nil, translate(err)
	}
	return &copier{stmt: stmt}, nil
}

// add sends a row; errors may surface at a later add or at flush.
func (cp *copier) add(ctx context.Context, args ...any) error {
	cp.rows++
	_, err := cp.stmt.ExecContext(ctx, args...)
	return translate(err)
}

// flush ends the COPY and reports any error in the rows sent.
func (cp *copier) flush(ctx context.Context) error {
	_, err := cp.stmt.ExecContext(ctx)
	if cerr := cp.stmt.Close(); err == nil {
		err = cerr
	}
	return translate(err)
}

// lineCopier is lib/pq's COPY statement, which also takes lines already in
// COPY's text format.
type lineCopier interface {
	driver.Stmt
	CopyData(ctx context.Context, lines string) (driver.Result, error)
}

// copyLines runs COPY table (columns) FROM STDIN on the import's
// connection, inside its transaction, and has fill write the rows in
// COPY's text format. It goes past database/sql, whose per-row call costs
// more than the row: a million rows take a few dozen driver calls.
//
// The callback must not return driver.ErrBadConn nor panic: database/sql
// would then close the connection, which waits for the open transaction
// on it, which waits for the callback: a hang. Such errors are reported as
// plain ones, and the caller's rollback then discards the connection.
func (r *importRun) copyLines(ctx context.Context, table string, columns []string, fill func(*copyWriter) error) error {
	countStatement(ctx)
	var err error
	rawErr := r.raw.Raw(func(dc any) error {
		defer func() {
			if p := recover(); p != nil {
				// The COPY is open and lib/pq's reader still reads the
				// socket: close the connection, so that the rollback finds
				// it closed instead of talking over that reader.
				if c, ok := dc.(driver.Conn); ok {
					c.Close()
				}
				err = fmt.Errorf("store: COPY %s: panic: %v", table, p)
			}
		}()
		err = copyLinesOn(ctx, dc, table, columns, fill)
		return nil
	})
	if err == nil {
		err = rawErr
	}
	if ctx.Err() != nil {
		return ctx.Err() // the driver's answer to a cancelled COPY says less
	}
	if errors.Is(err, driver.ErrBadConn) {
		return fmt.Errorf("store: COPY %s: the connection broke: %v", table, err)
	}
	return translate(err)
}

// copyLinesOn is copyLines on the driver's connection.
func copyLinesOn(ctx context.Context, dc any, table string, columns []string, fill func(*copyWriter) error) error {
	p, ok := dc.(driver.ConnPrepareContext)
	if !ok {
		return errors.New("store: the driver cannot prepare a COPY")
	}
	stmt, err := p.PrepareContext(ctx, `COPY `+table+` (`+strings.Join(columns, ", ")+`) FROM STDIN`)
	if err != nil {
		return err
	}
	lc, ok := stmt.(lineCopier)
	if !ok {
		stmt.Close()
		return errors.New("store: the driver cannot stream COPY data")
	}
	w := &copyWriter{ctx: ctx, lc: lc, buf: make([]byte, 0, copyChunk+4096)}
	err = fill(w)
	if err == nil {
		err = w.flush()
	}
	if err == nil {
		_, err = stmt.Exec(nil) // ends the COPY; reports the server's errors
	}
	if cerr := stmt.Close(); err == nil {
		err = cerr
	}
	return err
}

// copyChunk is how many bytes of rows copyWriter gathers before it sends
// them.
const copyChunk = 60 << 10

// copyWriter builds rows in COPY's text format: fields separated by tabs,
// rows ended by a newline, \N for null.
type copyWriter struct {
	ctx  context.Context
	lc   lineCopier
	buf  []byte
	rows int
}

// text appends a text field, escaped.
func (w *copyWriter) text(s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			w.buf = append(w.buf, '\\', '\\')
		case '\t':
			w.buf = append(w.buf, '\\', 't')
		case '\n':
			w.buf = append(w.buf, '\\', 'n')
		case '\r':
			w.buf = append(w.buf, '\\', 'r')
		default:
			w.buf = append(w.buf, c)
		}
	}
	w.buf = append(w.buf, '\t')
}

func (w *copyWriter) int(n int) {
	w.buf = append(strconv.AppendInt(w.buf, int64(n), 10), '\t')
}

// float appends f exactly: the shortest text that reads back as f.
func (w *copyWriter) float(f float64) {
	w.buf = append(strconv.AppendFloat(w.buf, f, 'g', -1, 64), '\t')
}

func (w *copyWriter) null() { w.buf = append(w.buf, '\\', 'N', '\t') }

// endRow ends the row and sends the rows gathered once there are enough.
func (w *copyWriter) endRow() error {
	w.buf[len(w.buf)-1] = '\n' // replaces the last field's tab
	w.rows++
	if len(w.buf) >= copyChunk {
		return w.flush()
	}
	return nil
}

// flush sends the rows gathered, unless the context has ended: lib/pq
// notices that only now and then.
func (w *copyWriter) flush() error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if len(w.buf) == 0 {
		return nil
	}
	// CopyData adds the last newline itself.
	_, err := w.lc.CopyData(w.ctx, string(w.buf[:len(w.buf)-1]))
	w.buf = w.buf[:0]
	return err
}
