using System.Data.Common;

namespace FinOps.Store.Sql;

/// <summary>
/// Rows for one table, inserted the way each database takes many rows fastest. On PostgreSQL they are collected column
/// by column and inserted a few thousand at a time in one statement with one parameter per column,
/// <c>INSERT … SELECT * FROM unnest(@c0, @c1, …)</c> (arrays sent in binary: the database, not the driver, walks the
/// rows). On SQLite, which runs in the process, each row goes through one prepared single-row <c>INSERT</c> bound
/// column by column (blobs as bytes): no text to build and parse, and a statement compiled once per save.
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
    private DbCommand? _sqliteRow;

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

    /// <summary>Adds a row (one value per column, in order; none null): on SQLite inserted now, on PostgreSQL a full batch is sent.</summary>
    public ValueTask AddAsync(CancellationToken cancellationToken, params object[] row)
    {
        if (_database.Provider != StoreProvider.Postgres)
        {
            // Microsoft.Data.Sqlite's async calls run synchronously anyway; calling the synchronous one saves a task per row.
            cancellationToken.ThrowIfCancellationRequested();
            var command = SqliteRow();
            var parameters = command.Parameters;
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i];
            }

            command.ExecuteNonQuery();
            return ValueTask.CompletedTask;
        }

        for (var i = 0; i < row.Length; i++)
        {
            _values[i].Add(row[i]);
        }

        return _values[0].Count == PostgresRowsPerStatement ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Sends the rows not sent yet (PostgreSQL; SQLite has none waiting).</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_values.Length == 0 || _values[0].Count == 0)
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
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteRow is not null)
        {
            await _sqliteRow.DisposeAsync().ConfigureAwait(false);
        }
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
                ColumnKind.Integer => values.Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                ColumnKind.Text => values.Cast<string>().ToArray(),
                _ => (object)values.Cast<byte[]>().ToArray(),
            });
        }

        return command;
    }

    /// <summary>The one prepared single-row INSERT of this save (SQLite), made on first use.</summary>
    private DbCommand SqliteRow()
    {
        if (_sqliteRow is null)
        {
            var names = _columns.Select((_, i) => $"@c{i}").ToArray();
            _sqliteRow = _connection.Command(_transaction, $"INSERT INTO {_table} ({string.Join(", ", _columns)}) VALUES ({string.Join(", ", names)})");
            foreach (var name in names)
            {
                _sqliteRow.With(name, DBNull.Value);
            }

            _sqliteRow.Prepare();
        }

        return _sqliteRow;
    }
}
