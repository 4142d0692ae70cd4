package id.rekam.app.ports;

import java.util.Objects;

/** What the technician's screens use: the diagnostics and the equipment register with its loans. */
public record TechnicianServices(DiagnosticsService diagnostics, EquipmentService equipment) {

    public TechnicianServices {
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(equipment, "equipment");
    }

    /**
     * For a station assembled without them (some UI tests): every use fails loudly, nothing is
     * pretended. The home screen's technician node and overdue list stay hidden.
     */
    public static TechnicianServices unwired() {
        java.lang.reflect.InvocationHandler refuse = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "unwired technician services"
                        : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
            }
            throw new IllegalStateException("technician services are not wired in this station");
        };
        ClassLoader cl = TechnicianServices.class.getClassLoader();
        return new TechnicianServices(
                (DiagnosticsService) java.lang.reflect.Proxy.newProxyInstance(cl, new Class<?>[] {DiagnosticsService.class}, refuse),
                (EquipmentService) java.lang.reflect.Proxy.newProxyInstance(cl, new Class<?>[] {EquipmentService.class}, refuse));
    }

    public boolean wired() {
        return !java.lang.reflect.Proxy.isProxyClass(diagnostics.getClass());
    }
}
