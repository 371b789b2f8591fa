import com.sun.tools.attach.VirtualMachine;

/**
 * Loads async-profiler into a running JVM with its options, e.g. {@code start,event=itimer,threads}
 * then {@code stop,file=out.collapsed,collapsed}. jcmd's JVMTI.agent_load would do, but it reads
 * every {@code key=value} in the options as an argument of its own. Run by bench/profile.sh as
 * {@code java bench/java/ProfilerAttach.java PID LIBRARY OPTIONS}.
 */
public class ProfilerAttach {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
