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
internal sealed class ColumnRows
{
    private const int RowsPerStatement = 4096;

    private readonly HistoryDatabase _database;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly ColumnKind[] _kinds;
    private readonly List<object>[] _values;

    public ColumnRows(HistoryDatabase database, DbConnection connection, DbTransaction transaction, string table,
        params (string Name, ColumnKind Kind)[] columns)
    {
        _database = database;
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _columns = [.. columns.Select(c => c.Name)];
        _kinds = [.. columns.Select(c => c.Kind)];
        _values = [.. columns.Select(_ => new List<object>(RowsPerStatement))];
    }

    /// <summary>Adds a row (one value per column, in order; none null); sends a full batch.</summary>
    public ValueTask AddAsync(CancellationToken cancellationToken, params object[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            _values[i].Add(row[i]);
        }

        return _values[0].Count == RowsPerStatement ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Sends the rows not sent yet.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_values[0].Count == 0)
        {
            return;
        }

        await using var command = _database.Provider == StoreProvider.Postgres ? PostgresCommand() : SqliteCommand();
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        foreach (var column in _values)
        {
            column.Clear();
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

    private DbCommand SqliteCommand()
    {
        var buffer = new ArrayBufferWriter<byte>(_values[0].Count * 64);
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

        var select = string.Join(", ", _kinds.Select((kind, i) => kind == ColumnKind.Binary ? $"unhex(value ->> {i})" : $"value ->> {i}"));
        return _connection.Command(_transaction, $"INSERT INTO {_table} ({string.Join(", ", _columns)}) SELECT {select} FROM json_each(@rows)")
            .With("@rows", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
