using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Commonweal.Data;

/// <summary>
/// One prepared SQLite INSERT whose values are bound by position, straight through SQLite's own API.
/// Microsoft.Data.Sqlite looks every parameter up by name, converting its name to UTF-8, on every
/// execution, which cost a 200,000-row import about as much as SQLite's own work. Values are written
/// in the forms Microsoft.Data.Sqlite gives them (a GUID as text, upper case as EF Core's SQLite
/// provider asks; a date as yyyy-MM-dd; a date and time as yyyy-MM-dd HH:mm:ss.FFFFFFF; a time as
/// HH:mm:ss, with .fffffff only when it has a fraction of a second; a boolean as 0 or 1); only the
/// types <see cref="Binds"/> names are taken, and a table with any other is left to the ordinary
/// command. Runs in the connection's current transaction. The bulk inserter's tests compare every
/// column it writes with EF Core's own save of the same records.
/// </summary>
internal sealed class SqliteRowBinder : IDisposable
{
    private readonly sqlite3 connection;
    private readonly sqlite3_stmt statement;
    private byte[] text = new byte[256];

    /// <summary>
    /// The value each parameter holds: SQLite keeps a statement's values from one row to the next, so a
    /// value the same as the row before's (a null, a status, a city) is not bound again. Binding was a
    /// third of an HSDS import's insert time; its inserts took about a seventh less.
    /// </summary>
    private object?[] bound = [];

    /// <summary>What a parameter holds when a value failed to bind: equal to no value, so bound afresh next time.</summary>
    private static readonly object Unknown = new();

    private SqliteRowBinder(sqlite3 connection, sqlite3_stmt statement) => (this.connection, this.statement) = (connection, statement);

    /// <summary>Whether a provider value of this type is bound here as Microsoft.Data.Sqlite would bind it.</summary>
    public static bool Binds(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (t == typeof(string) || t == typeof(Guid) || t == typeof(long) || t == typeof(int) || t == typeof(bool) || t == typeof(double)
            || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(TimeOnly));

    public static SqliteRowBinder Prepare(SqliteConnection connection, string sql)
    {
        var handle = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        return new SqliteRowBinder(handle, statement);
    }

    /// <summary>Inserts one row: <paramref name="values"/> in the statement's parameter order (null for NULL); returns the rows written.</summary>
    public int Insert(ReadOnlySpan<object?> values)
    {
        if (bound.Length != values.Length)
        {
            raw.sqlite3_clear_bindings(statement);
            bound = new object?[values.Length];
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!Equals(bound[i], values[i]))
            {
                bound[i] = Unknown;
                Bind(i + 1, values[i]);
                bound[i] = values[i];
            }
        }

        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, connection);
        }

        return raw.sqlite3_changes(connection);
    }

    private void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            double number when double.IsNaN(number) => throw new InvalidOperationException("Cannot store NaN values."),
            double number => raw.sqlite3_bind_double(statement, index, number),
            string s => BindText(index, s),
            Guid guid => BindGuid(index, guid),
            DateOnly date => BindAscii(index, date.TryFormat(Bytes(10), out var n, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture) ? n : 0),
            DateTime time => BindAscii(index, time.TryFormat(Bytes(32), out var n, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture) ? n : 0),
            TimeOnly time => BindAscii(index, time.TryFormat(Bytes(16), out var n, time.Ticks % TimeSpan.TicksPerSecond == 0 ? @"HH\:mm\:ss" : @"HH\:mm\:ss.fffffff", CultureInfo.InvariantCulture) ? n : 0),
            _ => throw new NotSupportedException($"A {value.GetType().Name} is not bound by {nameof(SqliteRowBinder)}."),
        };
        SqliteException.ThrowExceptionForRC(rc, connection);
    }

    private int BindText(int index, string value)
    {
        if (value.Length == 0)
        {
            // An empty span has no address, which SQLite would take for NULL.
            return raw.sqlite3_bind_text(statement, index, string.Empty);
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (text.Length < length)
        {
            text = new byte[length];
        }

        var written = Encoding.UTF8.GetBytes(value, text);
        return raw.sqlite3_bind_text(statement, index, text.AsSpan(0, written));
    }

    /// <summary>Upper case, as EF Core's SQLite provider stores a GUID; formatted as UTF-8 and raised in place.</summary>
    private int BindGuid(int index, Guid guid)
    {
        guid.TryFormat(Bytes(36), out var length);
        Ascii.ToUpperInPlace(Bytes(length), out _);
        return BindAscii(index, length);
    }

    /// <summary>The start of <see cref="text"/> (at least 256 bytes), for a value formatted as UTF-8 in place.</summary>
    private Span<byte> Bytes(int length) => text.AsSpan(0, length);

    /// <summary>The first <paramref name="length"/> bytes of <see cref="text"/>, formatted there, as text.</summary>
    private int BindAscii(int index, int length) => raw.sqlite3_bind_text(statement, index, text.AsSpan(0, length));

    public void Dispose() => statement.Dispose();
}
