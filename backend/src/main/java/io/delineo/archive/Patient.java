package io.delineo.archive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;

@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "patient_id")
    public String patientId;
    public String issuer;
    @Column(name = "patient_name")
    public String patientName;
    @Column(name = "birth_date")
    public String birthDate;
    public String sex;

    public static Optional<Patient> findByKey(String patientId, String issuer) {
        return find("patientId = ?1 and issuer = ?2", patientId, issuer).firstResultOptional();
    }
}
