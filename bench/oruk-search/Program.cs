using System.Diagnostics;
using System.Globalization;

// Load client for the ORUK search benchmark: CLIENTS concurrent loops against the search and
// against /health, each for a bounded number of requests and seconds, on loopback only.
// Usage: OrukSearchBench BASE_URL SERVER_PID [clients=16] [seconds=30] [requestsPerClient=2000]
var baseUrl = new Uri(args[0]);
if (!baseUrl.IsLoopback)
{
    Console.Error.WriteLine("Benchmarks run against loopback only.");
    return 2;
}

var serverPid = int.Parse(args[1], CultureInfo.InvariantCulture);
var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
var seconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
var perClient = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 2000;

string[] texts = ["counselling", "support", "walking", "debt advice", "food", "befriending", "carers", "exercise classes", "peer support", "respite"];
string[] postcodes = ["E3", "E1", "E14", "E2", "E8", "EC1", "E3 2AN", "E1 6AN", "E9", "N1"];
int[] proximities = [1000, 1500, 2000, 3000];

using var http = new HttpClient { BaseAddress = baseUrl };
var terms = await TaxonomyTermIdsAsync(http);
var random = new Random(2026);
string SearchUrl() =>
    $"/oruk/services?text={Uri.EscapeDataString(texts[random.Next(texts.Length)])}"
    + $"&postcode={Uri.EscapeDataString(postcodes[random.Next(postcodes.Length)])}"
    + $"&proximity={proximities[random.Next(proximities.Length)]}"
    + $"&taxonomy_term_id={terms[random.Next(terms.Count)]}&per_page=20";

// Warm up: JIT, query plans, page cache.
for (var i = 0; i < 50; i++)
{
    using var _ = await http.GetAsync(SearchUrl());
}

var health = await RunAsync("/health", () => "/health");
var search = await RunAsync("/oruk/services (text+postcode+proximity+term)", SearchUrl);
var hwm = File.ReadLines($"/proc/{serverPid}/status").First(l => l.StartsWith("VmHWM", StringComparison.Ordinal));
var hwmMb = long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;

Console.WriteLine();
Console.WriteLine($"search p95 server time {search.ServerP95:N1} ms (target <= 30 ms): {(search.ServerP95 <= 30 ? "met" : "MISSED")}");
var ratio = search.Throughput / health.Throughput * 100;
Console.WriteLine($"throughput search/health {ratio:N1} % (target >= 40 %): {(ratio >= 40 ? "met" : "MISSED")}");
Console.WriteLine($"server peak RSS (VmHWM) {hwmMb:N0} MB (target <= 600 MB): {(hwmMb <= 600 ? "met" : "MISSED")}");
return 0;

async Task<Result> RunAsync(string name, Func<string> url)
{
    var client = new List<double>();
    var server = new List<double>();
    var errors = 0;
    var gate = new object();
    var cpuBefore = ServerCpuSeconds();
    var stop = Stopwatch.StartNew();
    var deadline = TimeSpan.FromSeconds(seconds);
    var urls = Enumerable.Range(0, clients).Select(_ => Enumerable.Range(0, perClient).Select(_ => url()).ToArray()).ToArray();
    await Task.WhenAll(urls.Select(mine => Task.Run(async () =>
    {
        foreach (var u in mine)
        {
            if (stop.Elapsed > deadline)
            {
                break;
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(u);
            await response.Content.ReadAsByteArrayAsync();
            var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? values.First() : null;
            var serverMs = timing is null ? double.NaN : double.Parse(timing[(timing.IndexOf("dur=", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture);
            lock (gate)
            {
                client.Add(took);
                server.Add(serverMs);
                if (!response.IsSuccessStatusCode)
                {
                    errors++;
                }
            }
        }
    })));
    var elapsed = stop.Elapsed.TotalSeconds;
    var cpuPerRequest = (ServerCpuSeconds() - cpuBefore) * 1000 / Math.Max(1, client.Count);
    client.Sort();
    server.Sort();
    var result = new Result(client.Count / elapsed, Percentile(server, 95));
    Console.WriteLine($"{name}: {client.Count} requests in {elapsed:N1} s, {result.Throughput:N0}/s, {errors} errors");
    Console.WriteLine($"  client ms p50 {Percentile(client, 50):N1} p95 {Percentile(client, 95):N1} p99 {Percentile(client, 99):N1}");
    Console.WriteLine($"  server ms p50 {Percentile(server, 50):N1} p95 {Percentile(server, 95):N1} p99 {Percentile(server, 99):N1}");
    // CPU the server spent per request: steadier than throughput on a machine others are using.
    Console.WriteLine($"  server CPU {cpuPerRequest:N2} ms a request");
    return result;
}

// utime + stime of the server process, from /proc (clock ticks of 1/100 s on Linux).
double ServerCpuSeconds()
{
    var fields = File.ReadAllText($"/proc/{serverPid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static double Percentile(List<double> sorted, int p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

static async Task<List<string>> TaxonomyTermIdsAsync(HttpClient http)
{
    using var doc = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/oruk/taxonomy_terms?per_page=200"));
    return [.. doc.RootElement.GetProperty("contents").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];
}

internal sealed record Result(double Throughput, double ServerP95);
