using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Commonweal.Data;
using Commonweal.Procurement.Bids;
using Commonweal.Seed;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary>`seed demo` and `seed --scale N`: the demo area, or national-size synthetic data.</summary>
public static class SeedCommands
{
    public static Command Create(CliDatabase database)
    {
        var demo = new Command("demo", "Create the demo area (east London) if the database is empty");
        demo.SetAction(async (_, cancellationToken) =>
        {
            await database.MigrateAsync(cancellationToken);
            await using var db = database.CreateContext();
            // Bids are sealed with the same key ring as the site's, kept in the database.
            await using var protection = CommonwealDataProtection.CreateStandalone(database.Configuration);
            var sealer = new BidSealer(protection.GetRequiredService<IDataProtectionProvider>());
            var seeded = await DemoArea.SeedIfEmptyAsync(db, sealer: sealer, cancellationToken: cancellationToken);
            database.Console.WritePlainLine(seeded
                ? $"Seeded the demo area into the {database.Describe()}."
                : "The database already holds organisations or users: the demo area was not added.");
            return 0;
        });

        var scale = new Option<double?>("--scale")
        {
            Description = "Generate synthetic data: 1 means 50,000 organisations and 10,000 users; decimals such as 0.1 allowed",
        };
        scale.Validators.Add(result =>
        {
            if (result.GetValue(scale) is <= 0 or double.NaN or double.PositiveInfinity)
            {
                result.AddError("--scale must be a positive number, such as 0.1 or 2");
            }
        });

        var seed = new Command("seed", "Fill the database with data") { demo, scale };
        seed.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(scale) is not { } n)
            {
                database.Console.WritePlainLine("Say what to seed: `seed demo`, or `seed --scale N`.");
                return 1;
            }

            await database.MigrateAsync(cancellationToken);
            var planned = ScaleCounts.For(n);
            database.Console.WritePlainLine($"Seeding scale {n.ToString(CultureInfo.InvariantCulture)} into the {database.Describe()}: "
                + $"{planned.Organisations:N0} organisations, {planned.Users:N0} users, "
                + $"{Math.Round(n * ScaleDirectory.ServicesPerUnit):N0} directory services, "
                + $"{Math.Round(n * ScaleReferrals.PeoplePerUnit):N0} people with {Math.Round(n * ScaleReferrals.PeoplePerUnit * ScaleReferrals.ReferralsPerPerson):N0} referrals, "
                + $"{Math.Round(n * ScaleFunding.RecordsPerUnit):N0} funding records.");
            var clock = Stopwatch.StartNew();
            var counts = await CliProgress.RunAsync(database.Console, "Seeding", planned.Organisations + planned.Users,
                progress => ScaleData.SeedAsync(database.CreateContext, n, progress, cancellationToken: cancellationToken));
            database.Console.WritePlainLine($"Created {counts.Organisations:N0} organisations, {counts.Users:N0} users and "
                + $"{counts.Memberships:N0} memberships in {clock.Elapsed.TotalSeconds:N1} s.");
            var services = (int)Math.Round(n * ScaleDirectory.ServicesPerUnit);
            clock.Restart();
            var made = await CliProgress.RunAsync(database.Console, "Seeding the directory", services,
                progress => ScaleDirectory.SeedAsync(database.CreateContext, n, progress, cancellationToken: cancellationToken));
            database.Console.WritePlainLine($"Created {made:N0} directory services in {clock.Elapsed.TotalSeconds:N1} s.");
            var people = (int)Math.Round(n * ScaleReferrals.PeoplePerUnit);
            clock.Restart();
            var registered = await CliProgress.RunAsync(database.Console, "Seeding people and referrals", people,
                progress => ScaleReferrals.SeedAsync(database.CreateContext, n, progress, cancellationToken: cancellationToken));
            database.Console.WritePlainLine($"Created {registered:N0} people and {registered * ScaleReferrals.ReferralsPerPerson:N0} referrals in {clock.Elapsed.TotalSeconds:N1} s.");
            var responsesPlanned = (int)Math.Round(n * ScaleOutcomes.ResponsesPerUnit);
            clock.Restart();
            var responses = await CliProgress.RunAsync(database.Console, "Seeding outcome responses", responsesPlanned,
                progress => ScaleOutcomes.SeedAsync(database.CreateContext, n, progress, cancellationToken: cancellationToken));
            database.Console.WritePlainLine($"Created {responses:N0} outcome responses (ONS4) in {clock.Elapsed.TotalSeconds:N1} s.");
            var fundingPlanned = (int)Math.Round(n * ScaleFunding.RecordsPerUnit);
            clock.Restart();
            var funding = await CliProgress.RunAsync(database.Console, "Seeding funding records", fundingPlanned,
                progress => ScaleFunding.SeedAsync(database.CreateContext, n, progress, cancellationToken: cancellationToken));
            database.Console.WritePlainLine($"Created {funding:N0} funding records in {clock.Elapsed.TotalSeconds:N1} s.");
            return 0;
        });
        return seed;
    }
}
