using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

// The worker's message types are internal to Microsoft.Azure.Functions.Worker.Grpc, but each generated
// "…Reflection" class holds its file's descriptor. Collect those files and everything they import, dependencies
// first (protoc's --descriptor_set_in wants every imported file in the set), and give them a namespace of ours so
// the generated C# never meets the worker's own types.
if (args is not [var output, var csharpNamespace])
{
    Console.Error.WriteLine("usage: PacSubmissions.FunctionsRpc.Descriptors OUTPUT.pb CSHARP_NAMESPACE");
    return 2;
}

var workerGrpc = Assembly.Load("Microsoft.Azure.Functions.Worker.Grpc");
var roots = workerGrpc.GetTypes()
    .Where(type => type.Name.EndsWith("Reflection", StringComparison.Ordinal))
    .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
    .OfType<FileDescriptor>()
    .ToList();
if (!roots.Any(file => file.Services.Any(service => service.Name == "FunctionRpc")))
{
    Console.Error.WriteLine($"{workerGrpc.GetName()} carries no FunctionRpc service descriptor.");
    return 1;
}

var ordered = new List<FileDescriptor>();
void Visit(FileDescriptor file)
{
    if (ordered.Contains(file))
    {
        return;
    }

    foreach (var dependency in file.Dependencies)
    {
        Visit(dependency);
    }

    ordered.Add(file);
}

roots.ForEach(Visit);

var set = new FileDescriptorSet();
foreach (var file in ordered)
{
    var proto = FileDescriptorProto.Parser.ParseFrom(file.SerializedData);
    if (!proto.Name.StartsWith("google/protobuf/", StringComparison.Ordinal))
    {
        proto.Options ??= new Google.Protobuf.Reflection.FileOptions();
        proto.Options.CsharpNamespace = csharpNamespace;
        Console.WriteLine(proto.Name);
    }

    set.File.Add(proto);
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
using var stream = File.Create(output);
set.WriteTo(stream);
return 0;
