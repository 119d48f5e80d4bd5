using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FinOps.Store.Sql;

/// <summary>
/// Rows for one table, written value by value (<see cref="Integer"/>, <see cref="Text"/>, <see cref="Blob"/>, then
/// <see cref="EndRowAsync"/>) and inserted the way each database takes many rows fastest. On PostgreSQL they are
/// collected column by column and inserted a few thousand at a time in one statement with one parameter per column,
/// <c>INSERT … SELECT * FROM unnest(@c0, @c1, …)</c> (arrays sent in binary: the database, not the driver, walks the
/// rows). On SQLite, which runs in the process, each row is bound straight into one prepared single-row <c>INSERT</c>
/// on the connection's own handle and stepped: no text to build and parse, no boxing, no copy of a blob, and a
/// statement compiled once per save (inside the caller's transaction, as every statement on that connection is).
/// </summary>
internal sealed class ColumnRows : IAsyncDisposable
{
    private const int PostgresRowsPerStatement = 4096;

    private readonly HistoryDatabase _database;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly ColumnKind[] _kinds;
    private readonly List<object>[] _values;
    private sqlite3_stmt? _sqliteRow;
    private int _column;
    private int _pending;

    public ColumnRows(HistoryDatabase database, DbConnection connection, DbTransaction transaction, string table,
        params (string Name, ColumnKind Kind)[] columns)
    {
        _database = database;
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _columns = [.. columns.Select(c => c.Name)];
        _kinds = [.. columns.Select(c => c.Kind)];
        _values = database.Provider == StoreProvider.Postgres ? [.. columns.Select(_ => new List<object>(PostgresRowsPerStatement))] : [];
    }

    /// <summary>The next column of the current row, an integer column.</summary>
    public ColumnRows Integer(long value)
    {
        var column = Next(ColumnKind.Integer);
        if (_values.Length == 0)
        {
            Check(raw.sqlite3_bind_int64(SqliteRow(), column + 1, value));
        }
        else
        {
            _values[column].Add(value);
        }

        return this;
    }

    /// <summary>The next column of the current row, a text column (never null).</summary>
    public ColumnRows Text(string value)
    {
        var column = Next(ColumnKind.Text);
        if (_values.Length == 0)
        {
            Check(raw.sqlite3_bind_text(SqliteRow(), column + 1, value));
        }
        else
        {
            _values[column].Add(value);
        }

        return this;
    }

    /// <summary>The next column of the current row, a binary column (copied by the database, or kept until sent).</summary>
    public ColumnRows Blob(ReadOnlySpan<byte> value)
    {
        var column = Next(ColumnKind.Binary);
        if (_values.Length == 0)
        {
            Check(raw.sqlite3_bind_blob(SqliteRow(), column + 1, value));
        }
        else
        {
            _values[column].Add(value.ToArray());
        }

        return this;
    }

    /// <summary>Ends the current row: on SQLite it is inserted now, on PostgreSQL a full batch is sent.</summary>
    public ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        if (_column != _columns.Length)
        {
            throw new InvalidOperationException($"A row of {_table} needs {_columns.Length} values, not {_column}.");
        }

        _column = 0;
        if (_values.Length == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var statement = SqliteRow();
            var stepped = raw.sqlite3_step(statement);
            var reset = raw.sqlite3_reset(statement);
            Check(stepped == raw.SQLITE_DONE ? reset : stepped);
            return ValueTask.CompletedTask;
        }

        return ++_pending == PostgresRowsPerStatement ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Sends the rows not sent yet (PostgreSQL; SQLite has none waiting).</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending == 0)
        {
            return;
        }

        await using (var command = PostgresCommand())
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var column in _values)
        {
            column.Clear();
        }

        _pending = 0;
    }

    public ValueTask DisposeAsync()
    {
        _sqliteRow?.Dispose();
        _sqliteRow = null;
        return ValueTask.CompletedTask;
    }

    private int Next(ColumnKind kind)
    {
        if (_column >= _columns.Length || _kinds[_column] != kind)
        {
            throw new InvalidOperationException($"Column {_column} of {_table} is not a {kind} column.");
        }

        return _column++;
    }

    private DbCommand PostgresCommand()
    {
        var names = _columns.Select((_, i) => $"@c{i}").ToArray();
        var command = _connection.Command(_transaction,
            $"INSERT INTO {_table} ({string.Join(", ", _columns)}) SELECT * FROM unnest({string.Join(", ", names)})");
        for (var i = 0; i < _columns.Length; i++)
        {
            var values = _values[i];
            command.With(names[i], _kinds[i] switch
            {
                ColumnKind.Integer => values.Cast<long>().ToArray(),
                ColumnKind.Text => values.Cast<string>().ToArray(),
                _ => (object)values.Cast<byte[]>().ToArray(),
            });
        }

        return command;
    }

    /// <summary>The one prepared single-row INSERT of this save (SQLite), compiled on first use.</summary>
    private sqlite3_stmt SqliteRow()
    {
        if (_sqliteRow is null)
        {
            var sql = $"INSERT INTO {_table} ({string.Join(", ", _columns)}) VALUES ({string.Join(", ", _columns.Select(_ => "?"))})";
            Check(raw.sqlite3_prepare_v2(Handle, sql, out var statement));
            _sqliteRow = statement;
        }

        return _sqliteRow;
    }

    private sqlite3 Handle => ((SqliteConnection)_connection).Handle
        ?? throw new InvalidOperationException("The SQLite connection is not open.");

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, Handle);
        }
    }
}
