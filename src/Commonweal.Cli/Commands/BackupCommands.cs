using System.CommandLine;
using Commonweal.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Commonweal.Cli.Commands;

/// <summary>`backup FILE [--force]`: an online copy of the SQLite database; for PostgreSQL, how to use pg_dump.</summary>
public static class BackupCommands
{
    /// <summary>Exit code when the command cannot do the backup itself and prints how to do it instead.</summary>
    public const int UseServerTools = 2;

    public static Command Create(CliDatabase database)
    {
        var file = new Argument<string>("file") { Description = "Where to write the backup" };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists" };
        var backup = new Command("backup", "Back up the database while it is in use") { file, force };
        backup.SetAction(parseResult =>
        {
            var target = parseResult.GetRequiredValue(file);
            return database.Provider == DatabaseProvider.Postgres
                ? PrintPgDumpGuidance(database, target)
                : BackUpSqlite(database, target, parseResult.GetValue(force));
        });
        return backup;
    }

    private static int BackUpSqlite(CliDatabase database, string target, bool force)
    {
        var console = database.Console;
        if (!File.Exists(database.SqliteFile))
        {
            console.WritePlainLine($"There is no database to back up at {Path.GetFullPath(database.SqliteFile)}.");
            return 1;
        }

        if (File.Exists(target))
        {
            if (!force)
            {
                console.WritePlainLine($"{target} already exists. Choose another file, or add --force to overwrite it.");
                return 1;
            }

            File.Delete(target);
        }

        using (var source = new SqliteConnection(database.ConnectionString))
        using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ConnectionString))
        {
            source.Open();
            // The online backup API copies a consistent snapshot while the site keeps writing.
            source.BackupDatabase(destination);
        }

        console.WritePlainLine($"Backed up the {database.Describe()} to {Path.GetFullPath(target)} ({new FileInfo(target).Length:N0} bytes).");
        return 0;
    }

    private static int PrintPgDumpGuidance(CliDatabase database, string target)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var details = $"host={builder.Host} port={builder.Port} dbname={builder.Database ?? builder.Username} user={builder.Username}";
        database.Console.WritePlainLine("A PostgreSQL database is backed up with the server's own tools. Run:");
        database.Console.WritePlainLine($"  pg_dump --format=custom --file={target} \"{details}\"");
        database.Console.WritePlainLine("(give the password through PGPASSWORD or ~/.pgpass, not on the command line)");
        return UseServerTools;
    }
}
