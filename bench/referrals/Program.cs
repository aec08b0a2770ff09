using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

// Load client for the referrals benchmark, against a server on a `seed --scale` database:
// 1. creating referrals (each with its transition, consent check and audit rows, committed) from
//    CLIENTS signed-in practitioners at once, for SECONDS;
// 2. a care team member's person page (/people/{id}), CLIENTS at once, for SECONDS.
// Usage: ReferralsBench BASE_URL SERVER_PID [clients=16] [seconds=20]
var baseUrl = new Uri(args[0]);
if (!baseUrl.IsLoopback)
{
    Console.Error.WriteLine("Benchmarks run against loopback only.");
    return 2;
}

var serverPid = int.Parse(args[1], CultureInfo.InvariantCulture);
var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
var seconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
const string Password = "scale-password-2026";
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);

using var anonymous = new HttpClient { BaseAddress = baseUrl };
var terms = JsonDocument.Parse(await anonymous.GetStringAsync("/oruk/taxonomy_terms?per_page=200")).RootElement
    .GetProperty("contents").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
var services = new List<Guid>();
for (var p = 1; services.Count < 2_000; p++)
{
    var doc = JsonDocument.Parse(await anonymous.GetStringAsync($"/oruk/services?per_page=200&page={p * 37}"));
    services.AddRange(doc.RootElement.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
}

// Practitioners with people on their caseload: scale users sign in through the real sign-in form.
var workers = new List<Worker>();
for (var n = 1; workers.Count < clients && n < 2_000; n++)
{
    var worker = await SignInAsync($"user{n}@scale.commonweal.example");
    if (worker is not null)
    {
        workers.Add(worker);
    }
}

Console.WriteLine($"{workers.Count} practitioners signed in, {workers.Sum(w => w.People.Count)} people on their caseloads, {services.Count} services");

var random = new Random(2026);
var refused = 0;
var created = await RunAsync("POST /api/referrals", async (w, rnd) =>
{
    var body = new
    {
        personId = w.People[rnd.Next(w.People.Count)],
        serviceId = services[rnd.Next(services.Count)],
        referringOrganisationId = w.Organisation,
        reasons = new[] { terms[rnd.Next(terms.Count)] },
        urgency = "Routine",
        notes = "Benchmark referral",
    };
    var response = await w.Http.PostAsJsonAsync("/api/referrals", body, json);
    if (response.StatusCode == HttpStatusCode.BadRequest)
    {
        // A service not accepting referrals (one in ten at scale): refused correctly, not counted as made.
        Interlocked.Increment(ref refused);
        return (response, false);
    }

    return (response, response.StatusCode == HttpStatusCode.Created);
});
Console.WriteLine($"  refused (service not accepting referrals): {refused}");
// The page at rising concurrency: one practitioner alone, a busy team, and the full load.
Result page = default!;
foreach (var concurrent in new[] { 1, 4, clients }.Where(c => c <= workers.Count).Distinct())
{
    page = await RunAsync($"GET /people/{{id}} (care team member), {concurrent} at once", async (w, rnd) =>
    {
        var response = await w.Http.GetAsync($"/people/{w.People[rnd.Next(w.People.Count)]}");
        return (response, response.StatusCode == HttpStatusCode.OK);
    }, concurrent);
}

var hwm = File.ReadLines($"/proc/{serverPid}/status").First(l => l.StartsWith("VmHWM", StringComparison.Ordinal));
Console.WriteLine();
Console.WriteLine($"referrals created {created.Throughput:N0}/s (target >= 300/s): {(created.Throughput >= 300 ? "met" : "MISSED")}");
Console.WriteLine($"person page p95 server time at {clients} at once {page.ServerP95:N1} ms (target <= 50 ms): {(page.ServerP95 <= 50 ? "met" : "MISSED")}");
Console.WriteLine($"server peak RSS {hwm}");
return 0;

async Task<Worker?> SignInAsync(string email)
{
    var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
    var http = new HttpClient(handler) { BaseAddress = baseUrl };
    var form = await http.GetStringAsync("/sign-in");
    var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var signIn = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Input.Email"] = email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = token,
    }));
    if (signIn.StatusCode != HttpStatusCode.Redirect)
    {
        return null;
    }

    var me = JsonDocument.Parse(await http.GetStringAsync("/api/me")).RootElement;
    var organisation = me.GetProperty("memberships").EnumerateArray()
        .Where(m => m.GetProperty("role").GetString() is "Practitioner" or "Admin")
        .Select(m => (Guid?)m.GetProperty("organisationId").GetGuid()).FirstOrDefault();
    var people = JsonDocument.Parse(await http.GetStringAsync("/api/people")).RootElement.EnumerateArray()
        .Where(p => p.GetProperty("shared").GetBoolean()).Select(p => p.GetProperty("personId").GetGuid()).Distinct().ToList();
    return organisation is { } org && people.Count > 0 ? new Worker(http, org, people) : null;
}

async Task<Result> RunAsync(string name, Func<Worker, Random, Task<(HttpResponseMessage Response, bool Counted)>> request, int? concurrent = null)
{
    // Warm up: JIT, query plans, page cache.
    for (var i = 0; i < 20; i++)
    {
        (await request(workers[i % workers.Count], random)).Response.Dispose();
    }

    var clientMs = new List<double>();
    var serverMs = new List<double>();
    var counted = 0;
    var errors = 0;
    var gate = new object();
    var cpuBefore = ServerCpuSeconds();
    var stop = Stopwatch.StartNew();
    await Task.WhenAll(workers.Take(concurrent ?? workers.Count).Select((w, i) => Task.Run(async () =>
    {
        var rnd = new Random(i);
        while (stop.Elapsed.TotalSeconds < seconds)
        {
            var started = Stopwatch.GetTimestamp();
            var (response, ok) = await request(w, rnd);
            using (response)
            {
                await response.Content.ReadAsByteArrayAsync();
                var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? values.First() : null;
                var server = timing is null ? double.NaN : double.Parse(timing[(timing.IndexOf("dur=", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture);
                lock (gate)
                {
                    clientMs.Add(took);
                    serverMs.Add(server);
                    counted += ok ? 1 : 0;
                    errors += ok || response.StatusCode == HttpStatusCode.BadRequest ? 0 : 1;
                }
            }
        }
    })));
    var elapsed = stop.Elapsed.TotalSeconds;
    var cpuMs = (ServerCpuSeconds() - cpuBefore) * 1000 / Math.Max(1, clientMs.Count);
    clientMs.Sort();
    serverMs.Sort();
    var result = new Result(counted / elapsed, Percentile(serverMs, 95));
    Console.WriteLine($"{name}: {counted} in {elapsed:N1} s, {result.Throughput:N0}/s, {errors} errors");
    Console.WriteLine($"  client ms p50 {Percentile(clientMs, 50):N1} p95 {Percentile(clientMs, 95):N1} p99 {Percentile(clientMs, 99):N1}");
    Console.WriteLine($"  server ms p50 {Percentile(serverMs, 50):N1} p95 {Percentile(serverMs, 95):N1} p99 {Percentile(serverMs, 99):N1}");
    // CPU the server spent per request: unlike times, barely moved by other work on the machine.
    Console.WriteLine($"  server CPU {cpuMs:N2} ms per request");
    return result;
}

// utime + stime of the server process, from /proc (fields 14 and 15, in clock ticks of 1/100 s).
double ServerCpuSeconds()
{
    var stat = File.ReadAllText($"/proc/{serverPid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static double Percentile(List<double> sorted, int p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

internal sealed record Worker(HttpClient Http, Guid Organisation, List<Guid> People);

internal sealed record Result(double Throughput, double ServerP95);
