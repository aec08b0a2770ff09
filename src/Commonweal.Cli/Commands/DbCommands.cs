using System.CommandLine;

namespace Commonweal.Cli.Commands;

/// <summary>`db migrate`: brings the schema up to date.</summary>
public static class DbCommands
{
    public static Command Create(CliDatabase database)
    {
        var migrate = new Command("migrate", "Apply any pending migrations to the configured database");
        migrate.SetAction(async (_, cancellationToken) =>
        {
            database.Console.WritePlainLine($"Migrating the {database.Describe()}");
            await database.MigrateAsync(cancellationToken);
            database.Console.WritePlainLine("Database is up to date.");
            return 0;
        });

        return new Command("db", "Manage the database schema") { migrate };
    }
}
