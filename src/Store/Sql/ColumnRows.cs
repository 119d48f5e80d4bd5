using System.Buffers;
using System.Data.Common;
using System.Text.Json;

namespace FinOps.Store.Sql;

/// <summary>
/// Rows for one table collected column by column and inserted a few thousand at a time in one statement with one
/// parameter per column: on PostgreSQL arrays, <c>INSERT … SELECT * FROM unnest(@c0, @c1, …)</c>; on SQLite one JSON
/// array of rows, <c>INSERT … SELECT value-&gt;&gt;0, … FROM json_each(@rows)</c> (binary columns as hex, through
/// <c>unhex</c>). Either way the database, not the driver, walks the rows.
/// </summary>
internal sealed class ColumnRows : IAsyncDisposable
{
    // SQLite's batch stays a JSON text of well under 85 KB (off the large-object heap, so a save leaves short-lived garbage
    // only); PostgreSQL's arrays are sent in binary, more rows at a time.
    private const int SqliteRowsPerStatement = 96;
    private const int PostgresRowsPerStatement = 4096;

    private readonly HistoryDatabase _database;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly ColumnKind[] _kinds;
    private readonly List<object>[] _values;
    private readonly int _rowsPerStatement;
    private readonly ArrayBufferWriter<byte> _json = new(16 * 1024);
    private DbCommand? _sqliteCommand;

    public ColumnRows(HistoryDatabase database, DbConnection connection, DbTransaction transaction, string table,
        params (string Name, ColumnKind Kind)[] columns)
    {
        _database = database;
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _columns = [.. columns.Select(c => c.Name)];
        _kinds = [.. columns.Select(c => c.Kind)];
        _rowsPerStatement = database.Provider == StoreProvider.Postgres ? PostgresRowsPerStatement : SqliteRowsPerStatement;
        _values = [.. columns.Select(_ => new List<object>(_rowsPerStatement))];
    }

    /// <summary>Adds a row (one value per column, in order; none null); sends a full batch.</summary>
    public ValueTask AddAsync(CancellationToken cancellationToken, params object[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            _values[i].Add(row[i]);
        }

        return _values[0].Count == _rowsPerStatement ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Sends the rows not sent yet.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_values[0].Count == 0)
        {
            return;
        }

        if (_database.Provider == StoreProvider.Postgres)
        {
            await using var command = PostgresCommand();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SqliteCommand().ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var column in _values)
        {
            column.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteCommand is not null)
        {
            await _sqliteCommand.DisposeAsync().ConfigureAwait(false);
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

    /// <summary>The one prepared statement, its parameter set to the pending rows as a JSON array.</summary>
    private DbCommand SqliteCommand()
    {
        var buffer = _json;
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var r = 0; r < _values[0].Count; r++)
            {
                json.WriteStartArray();
                for (var c = 0; c < _columns.Length; c++)
                {
                    var value = _values[c][r];
                    switch (_kinds[c])
                    {
                        case ColumnKind.Integer:
                            json.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                        case ColumnKind.Text:
                            json.WriteStringValue((string)value);
                            break;
                        default:
                            json.WriteStringValue(Convert.ToHexString((byte[])value));
                            break;
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        if (_sqliteCommand is null)
        {
            var select = string.Join(", ", _kinds.Select((kind, i) => kind == ColumnKind.Binary ? $"unhex(value ->> {i})" : $"value ->> {i}"));
            _sqliteCommand = _connection.Command(_transaction, $"INSERT INTO {_table} ({string.Join(", ", _columns)}) SELECT {select} FROM json_each(@rows)")
                .With("@rows", "");
        }

        _sqliteCommand.Parameters[0].Value = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        return _sqliteCommand;
    }
}
