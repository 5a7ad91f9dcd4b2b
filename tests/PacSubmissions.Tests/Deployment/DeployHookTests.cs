using System.Diagnostics;
using System.Text.RegularExpressions;
using PacSubmissions.LocalHost;

namespace PacSubmissions.Tests.Deployment;

/// <summary>
/// The scripts around `azd up` work on azd's subscription, never on the Azure CLI's default one: the POSIX ones are run
/// for real with an `az` (and `azd`) on PATH that records each call, the PowerShell twin is read (no pwsh here).
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class DeployHookTests : IDisposable
{
    private const string Subscription = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    private const string AccountId = "/subscriptions/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0/resourceGroups/rg-pac-test/providers/Microsoft.Storage/storageAccounts/stpactest";
    private readonly DirectoryInfo bin = Directory.CreateTempSubdirectory("pac-hook-");

    private string CallLog => Path.Combine(bin.FullName, "calls.log");

    /// <summary>Where the recording az copies the file a <c>secret set --file</c> is given.</summary>
    private string WrittenSecret => Path.Combine(bin.FullName, "written-secret");

    [LinuxFact]
    public async Task PostdeployNamesAzdsSubscriptionInEveryAzCall()
    {
        var result = await RunAsync("infra/hooks/postdeploy.sh", HookEnvironment());

        Assert.True(result.ExitCode == 0, result.Errors);
        var calls = File.ReadAllLines(CallLog);
        Assert.Contains(calls, c => c.StartsWith("az functionapp keys list", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("az deployment group create", StringComparison.Ordinal));
        Assert.All(calls, c => Assert.Contains($"--subscription {Subscription}", c, StringComparison.Ordinal));
    }

    [LinuxFact]
    public async Task PostdeploySubscribesTheProcessorToTheAccountsOwnSystemTopicWhoeverMadeIt()
    {
        var result = await RunAsync("infra/hooks/postdeploy.sh", HookEnvironment());

        Assert.True(result.ExitCode == 0, result.Errors);
        var deployment = Assert.Single(File.ReadAllLines(CallLog), c => c.StartsWith("az deployment group create", StringComparison.Ordinal));
        Assert.Contains("--resource-group rg-pac-test", deployment, StringComparison.Ordinal);
        Assert.Contains("systemTopicName=stpactest-defender-topic", deployment, StringComparison.Ordinal);
        Assert.Contains("functionAppResourceGroup=rg-pac-test", deployment, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task PostdeployWithoutAzdsSubscriptionStopsBeforeCallingAz()
    {
        var environment = HookEnvironment();
        environment.Remove("AZURE_SUBSCRIPTION_ID");

        var result = await RunAsync("infra/hooks/postdeploy.sh", environment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("AZURE_SUBSCRIPTION_ID is not set", result.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(CallLog));
    }

    [LinuxFact]
    public async Task PacEnvReadsTheSecretsFromAzdsSubscription()
    {
        var result = await RunAsync("infra/pac-env.sh", new Dictionary<string, string>());

        Assert.True(result.ExitCode == 0, result.Errors);
        var secretReads = File.ReadAllLines(CallLog).Where(c => c.StartsWith("az ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, secretReads.Count);
        Assert.All(secretReads, c => Assert.Contains($"--subscription {Subscription}", c, StringComparison.Ordinal));
    }

    [LinuxFact]
    public async Task PostprovisionCreatesARandomLinkSigningSecretWhenTheVaultHasNone()
    {
        var result = await RunAsync("infra/hooks/postprovision.sh", ProvisionEnvironment());

        Assert.True(result.ExitCode == 0, result.Errors);
        var calls = File.ReadAllLines(CallLog);
        var set = Assert.Single(calls, c => c.StartsWith("az keyvault secret set", StringComparison.Ordinal));
        Assert.Contains("--vault-name kv-pac-test --name link-signing-secret", set, StringComparison.Ordinal);
        Assert.All(calls, c => Assert.Contains($"--subscription {Subscription}", c, StringComparison.Ordinal));
        var secret = File.ReadAllText(WrittenSecret);
        Assert.Equal(48, secret.Length);
        Assert.DoesNotContain(secret, set, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, PacSubmissions.Upload.LinkOptions.SampleSigningSecrets);
    }

    [LinuxFact]
    public async Task PostprovisionKeepsTheLinkSigningSecretTheVaultAlreadyHas()
    {
        var environment = ProvisionEnvironment();
        environment["FAKE_SECRET_NAMES"] = "link-signing-secret";

        var result = await RunAsync("infra/hooks/postprovision.sh", environment);

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.DoesNotContain(File.ReadAllLines(CallLog), c => c.Contains("secret set", StringComparison.Ordinal));
        Assert.False(File.Exists(WrittenSecret));
    }

    [LinuxFact]
    public async Task PostprovisionThatCannotTellWhetherTheSecretExistsWritesNothing()
    {
        var environment = ProvisionEnvironment();
        environment["FAKE_LIST_ERROR"] = "ERROR: (VaultNotFound) The vault kv-pac-test was not found.";

        var result = await RunAsync("infra/hooks/postprovision.sh", environment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("nothing was written", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllLines(CallLog), c => c.Contains("secret set", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("postdeploy.ps1", 3)]
    [InlineData("postprovision.ps1", 2)]
    public void PowerShellHookNeedsPowerShell7AndNamesTheSubscriptionInEveryAzCall(string hook, int azCalls)
    {
        var script = File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "hooks", hook));
        // A backtick at a line's end continues the command on the next line.
        var commands = script.ReplaceLineEndings("\n").Replace("`\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(line => line.TrimStart())
            // Comments and messages (an az command a message suggests to the reader) are not calls.
            .Where(line => AzCall().IsMatch(line) && !line.StartsWith('#') && !line.StartsWith("throw", StringComparison.Ordinal)
                && !line.StartsWith("Write-Host", StringComparison.Ordinal))
            .ToList();

        Assert.Matches(RequiresSeven(), script);
        Assert.Equal(azCalls, commands.Count);
        Assert.All(commands, c => Assert.Contains("--subscription $env:AZURE_SUBSCRIPTION_ID", c, StringComparison.Ordinal));
        Assert.Contains("shell: pwsh", File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "azure.yaml")), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ProvisionEnvironment() => new()
    {
        ["AZURE_SUBSCRIPTION_ID"] = Subscription,
        ["AZURE_KEY_VAULT_NAME"] = "kv-pac-test",
    };

    private static Dictionary<string, string> HookEnvironment() => new()
    {
        ["AZURE_SUBSCRIPTION_ID"] = Subscription,
        ["AZURE_RESOURCE_GROUP"] = "rg-pac-test",
        ["AZURE_FUNCTION_APP_NAME"] = "func-pac-test",
        ["AZURE_STORAGE_ACCOUNT_ID"] = AccountId,
        ["PAC_REPORTS_CONTAINER"] = "reports",
    };

    private async Task<(int ExitCode, string Errors)> RunAsync(string script, Dictionary<string, string> environment)
    {
        // The recording az answers the key look-up, so the hook does not wait; azd answers every env value (the
        // subscription for AZURE_SUBSCRIPTION_ID, a placeholder otherwise).
        WriteExecutable("az", $$"""
            #!/bin/sh
            echo "az $*" >> "{{CallLog}}"
            case "$*" in
              *"keys list"*) echo blobs-extension-key ;;
              # Another account's topic, then the account's own as Defender names it (its id in other casing).
              *"system-topic list"*) printf '%s\t%s\t%s\n' /subscriptions/x/resourceGroups/other/providers/Microsoft.Storage/storageAccounts/stother other-topic other "$(echo "$AZURE_STORAGE_ACCOUNT_ID" | tr 'A-Z' 'a-z')" stpactest-defender-topic rg-pac-test ;;
              *"secret show"*) echo secret-value ;;
              *"secret list"*) if [ -n "${FAKE_LIST_ERROR:-}" ]; then echo "$FAKE_LIST_ERROR" >&2; exit 1; fi; printf '%s\n' "${FAKE_SECRET_NAMES:-}" ;;
              *"secret set"*) while [ $# -gt 0 ]; do [ "$1" = --file ] && cp "$2" "{{WrittenSecret}}"; shift; done ;;
            esac
            """);
        WriteExecutable("azd", $$"""
            #!/bin/sh
            case "$3" in AZURE_SUBSCRIPTION_ID) echo {{Subscription}} ;; *) echo "value-of-$3" ;; esac
            """);

        var start = new ProcessStartInfo("sh")
        {
            ArgumentList = { Path.Combine(RepositoryRoot.Find(), script) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = $"{bin.FullName}:/usr/bin:/bin";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        return (process.ExitCode, errors);
    }

    private void WriteExecutable(string name, string text)
    {
        var path = Path.Combine(bin.FullName, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => bin.Delete(recursive: true);

    [GeneratedRegex(@"(^|[\s(=])az\s+[a-z]")]
    private static partial Regex AzCall();

    [GeneratedRegex(@"(?m)^#Requires -Version 7")]
    private static partial Regex RequiresSeven();
}
